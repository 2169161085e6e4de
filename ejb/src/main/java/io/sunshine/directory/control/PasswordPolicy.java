package io.sunshine.directory.control;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;

/**
 * What a new password must be: 8 to 128 characters, at least three of upper case, lower case,
 * digits and other characters, and not the user name.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /**
     * @throws Refusal PASSWORD_TOO_WEAK on field {@code password}
     */
    public static void check(String username, char[] password) {
        if (password == null
                || password.length < MIN_LENGTH
                || password.length > MAX_LENGTH
                || classes(password) < 3
                || (username != null && username.equalsIgnoreCase(new String(password)))) {
            throw new Refusal(
                    ProblemCode.PASSWORD_TOO_WEAK,
                    "password",
                    String.valueOf(MIN_LENGTH),
                    String.valueOf(MAX_LENGTH));
        }
    }

    private static int classes(char[] p) {
        boolean upper = false, lower = false, digit = false, other = false;
        for (char c : p) {
            if (Character.isUpperCase(c)) upper = true;
            else if (Character.isLowerCase(c)) lower = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
