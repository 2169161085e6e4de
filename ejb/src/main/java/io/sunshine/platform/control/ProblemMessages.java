package io.sunshine.platform.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Resolves the message of a {@link ProblemCode} in the caller's language. The platform speaks
 * Simplified Chinese by default and English as the second language; any other locale gets Chinese.
 */
public final class ProblemMessages {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "io.sunshine.platform.problems";

    private ProblemMessages() {}

    /** The supported locale closest to {@code requested}: English for any English, else Chinese. */
    public static Locale supported(Locale requested) {
        if (requested != null && "en".equals(requested.getLanguage())) {
            return ENGLISH;
        }
        return CHINESE;
    }

    public static String title(ProblemCode code, Locale locale) {
        return text("title." + code.name(), locale, code.name());
    }

    /** The message of a code; {@link Localized} arguments are resolved in the same language. */
    public static String message(ProblemCode code, Locale locale, Object... args) {
        return format(code.messageKey(), code.name(), locale, args);
    }

    /**
     * Any other text of the {@code problems} bundle (e.g. the reason a line of an import is
     * refused), formatted like a message.
     */
    public static String text(String key, Locale locale, Object... args) {
        return format(key, key, locale, args);
    }

    private static String format(String key, String fallback, Locale locale, Object[] args) {
        Object[] resolved = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] instanceof Localized l) {
                resolved[i] = format(l.key(), l.key(), locale, l.args());
            }
        }
        String pattern = text(key, locale, fallback);
        return new MessageFormat(pattern, supported(locale)).format(resolved);
    }

    private static String text(String key, Locale locale, String fallback) {
        try {
            ResourceBundle bundle =
                    ResourceBundle.getBundle(
                            BUNDLE,
                            supported(locale),
                            ProblemMessages.class.getClassLoader(),
                            ResourceBundle.Control.getNoFallbackControl(
                                    ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
