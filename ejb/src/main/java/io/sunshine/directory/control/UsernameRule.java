package io.sunshine.directory.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user name: 3–40 lower-case letters, digits, dot, dash or underscore, starting with a letter.
 */
public final class UsernameRule {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9._-]{2,39}");

    private UsernameRule() {}

    /** The canonical (lower-case, trimmed) name, or a refusal USERNAME_INVALID. */
    public static String canonical(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(u).matches()) {
            throw new Refusal(ProblemCode.USERNAME_INVALID, "username");
        }
        return u;
    }
}
