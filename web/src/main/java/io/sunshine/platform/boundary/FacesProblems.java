package io.sunshine.platform.boundary;

import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Shows a refusal on a page with the same code and message the API would give, attached to the
 * offending field's component when the page names one.
 */
public final class FacesProblems {
    private FacesProblems() {}

    public static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /**
     * @param clientIdPrefix the form's client id; the field is looked up as {@code prefix:field}
     */
    public static void show(Refusal r, String clientIdPrefix) {
        FacesContext fc = FacesContext.getCurrentInstance();
        Locale l = locale();
        String clientId =
                r.field() == null || clientIdPrefix == null
                        ? null
                        : clientIdPrefix + ":" + r.field();
        if (clientId != null && fc.getViewRoot().findComponent(clientId) == null) {
            clientId = null;
        }
        fc.addMessage(
                clientId,
                new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        ProblemMessages.title(r.code(), l),
                        ProblemMessages.message(r.code(), l, r.args())));
        fc.validationFailed();
    }

    public static void info(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), ""));
    }

    public static void error(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), ""));
    }

    /** A page text from the web bundle in the view's language. */
    public static String text(String key, Object... args) {
        Locale l = locale();
        ResourceBundle b = ResourceBundle.getBundle("io.sunshine.web.messages", l);
        String pattern = b.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, l).format(args);
    }
}
