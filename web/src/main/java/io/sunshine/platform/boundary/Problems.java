package io.sunshine.platform.boundary;

import io.sunshine.platform.control.Jsonp;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Builds RFC 9457 problem details: a stable {@code type} and {@code code}, a {@code title} and
 * {@code detail} in the caller's language (Accept-Language: zh-CN by default, en), the HTTP {@code
 * status} and, where one field is at fault, its name in {@code field}.
 *
 * <pre>{@code
 * {"type":"https://sunshine-procurement.io/problems/DATE_INVALID","code":"DATE_INVALID",
 *  "title":"日期格式错误","status":400,"detail":"“2026-02-30”不是有效日期…","field":"from"}
 * }</pre>
 */
public final class Problems {
    public static final MediaType PROBLEM_JSON =
            new MediaType("application", "problem+json", "UTF-8");

    private Problems() {}

    /** The platform language closest to what the caller accepts. */
    public static Locale localeOf(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                String lang = l.getLanguage();
                if ("en".equals(lang) || "zh".equals(lang)) {
                    return ProblemMessages.supported(l);
                }
            }
        }
        return ProblemMessages.CHINESE;
    }

    public static String json(ProblemCode code, String field, Locale locale, Object... args) {
        if (locale == null) {
            locale = ProblemMessages.CHINESE;
        }
        JsonObjectBuilder b =
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("type", code.typeUri())
                        .add("code", code.name())
                        .add("title", ProblemMessages.title(code, locale))
                        .add("status", code.httpStatus())
                        .add("detail", ProblemMessages.message(code, locale, args));
        if (field != null) {
            b.add("field", field);
        }
        return b.build().toString();
    }

    public static Response response(ProblemCode code, String field, Locale locale, Object... args) {
        Response.ResponseBuilder r =
                Response.status(code.httpStatus())
                        .type(PROBLEM_JSON)
                        .header("Content-Language", locale.toLanguageTag())
                        .entity(json(code, field, locale, args));
        if (code.httpStatus() == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"sunshine\"");
        }
        return r.build();
    }
}
