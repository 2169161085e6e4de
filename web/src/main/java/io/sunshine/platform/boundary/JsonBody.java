package io.sunshine.platform.boundary;

import io.sunshine.platform.control.Jsonp;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body read field by field, so that every mistake has its own refusal: not JSON at all
 * (BODY_MALFORMED), a required field missing (PARAMETER_MISSING, field named), a field of the wrong
 * type (VALIDATION_FAILED, field named).
 *
 * <pre>{@code
 * JsonBody body = JsonBody.parse(text);
 * String username = body.requiredString("username");
 * }</pre>
 */
public final class JsonBody {
    private static final int MAX_LENGTH = 64 * 1024;

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Refusal(ProblemCode.BODY_MALFORMED, null, "empty body");
        }
        if (text.length() > MAX_LENGTH) {
            throw new Refusal(ProblemCode.BODY_MALFORMED, null, "body too large");
        }
        try (JsonReader r = Jsonp.PROVIDER.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Refusal(ProblemCode.BODY_MALFORMED, null, "expected a JSON object");
            }
            return new JsonBody(v.asJsonObject());
        } catch (JsonException e) {
            throw new Refusal(ProblemCode.BODY_MALFORMED, null, "not valid JSON");
        }
    }

    public String requiredString(String field) {
        String s = optionalString(field);
        if (s == null || s.isBlank()) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, field, field);
        }
        return s;
    }

    public String optionalString(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
    }

    /**
     * A field's text as the client wrote it: a string as is, a number in its decimal form (so that
     * {@code 1e309} reaches the rule that refuses it), anything else {@code null}.
     */
    public String rawText(String field) {
        JsonValue v = json.get(field);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return null;
    }

    /** A true/false field; absent or null is {@code false}, any other type VALIDATION_FAILED. */
    public boolean optionalBoolean(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return false;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
    }

    public long requiredLong(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, field, field);
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
            }
        }
        throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
    }

    public List<String> requiredStrings(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, field, field);
        }
        if (!(v instanceof JsonArray a)) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        List<String> out = new ArrayList<>();
        for (JsonValue e : a) {
            if (!(e instanceof JsonString s)) {
                throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
            }
            out.add(s.getString());
        }
        return out;
    }

    /** An array of whole numbers (ids), each a JSON number without a fraction. */
    public List<Long> requiredLongs(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, field, field);
        }
        if (!(v instanceof JsonArray a)) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        List<Long> out = new ArrayList<>();
        for (JsonValue e : a) {
            if (!(e instanceof JsonNumber n) || !n.isIntegral()) {
                throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
            }
            try {
                out.add(n.longValueExact());
            } catch (ArithmeticException ex) {
                throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
            }
        }
        return out;
    }

    /**
     * An amount in yuan, given as a JSON string ("1234.50", preferred: no binary rounding on the
     * way) or number; refused as Money refuses a typed amount.
     */
    public Money requiredMoney(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, field, field);
        }
        if (v instanceof JsonString s) {
            return Money.parse(s.getString(), field);
        }
        if (v instanceof JsonNumber n) {
            return Money.parse(n.bigDecimalValue().toPlainString(), field);
        }
        throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
    }

    /** A decimal such as a quantity, as a JSON string or number. */
    public BigDecimal requiredDecimal(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new Refusal(ProblemCode.PARAMETER_MISSING, field, field);
        }
        try {
            if (v instanceof JsonString s) {
                return new BigDecimal(s.getString().strip());
            }
            if (v instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
        } catch (NumberFormatException e) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
    }

    public int requiredInt(String field) {
        long v = requiredLong(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        return (int) v;
    }

    public Long optionalLong(String field) {
        JsonValue v = json.get(field);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL
                ? null
                : requiredLong(field);
    }

    /** An ISO date (2026-12-31), or DATE_INVALID naming the field. */
    public LocalDate optionalDate(String field) {
        String s = optionalString(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal(ProblemCode.DATE_INVALID, field, s.strip());
        }
    }

    /**
     * An instant given as an ISO-8601 date-time with its offset ("2027-01-20T09:30:00+08:00"), or
     * without one, then read as Beijing time; {@code null} when absent.
     */
    public java.time.Instant optionalInstant(String field) {
        String s = optionalString(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        return instant(s.strip(), field);
    }

    /** As {@link #optionalInstant}, for a query parameter or any other text. */
    public static java.time.Instant instant(String s, String field) {
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).atZone(PlatformClock.SHANGHAI).toInstant();
            } catch (DateTimeParseException e2) {
                throw new Refusal(ProblemCode.DATE_TIME_INVALID, field, s);
            }
        }
    }

    /** The body's field names, in order. */
    public List<String> keys() {
        return List.copyOf(json.keySet());
    }

    /** An object read field by field; null when absent. */
    public JsonBody optionalObject(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        return new JsonBody(v.asJsonObject());
    }

    /** An array of objects, each read field by field; an empty list when absent. */
    public List<JsonBody> objects(String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
        List<JsonBody> out = new ArrayList<>();
        for (JsonValue e : a) {
            if (e.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
            }
            out.add(new JsonBody(e.asJsonObject()));
        }
        return out;
    }

    /** The enum constant named by a string field, or VALIDATION_FAILED naming the field. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
    }
}
