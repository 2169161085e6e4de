package io.sunshine.platform.boundary;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
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
        try (JsonReader r = Json.createReader(new StringReader(text))) {
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

    /** The enum constant named by a string field, or VALIDATION_FAILED naming the field. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refusal(ProblemCode.VALIDATION_FAILED, field, field);
        }
    }
}
