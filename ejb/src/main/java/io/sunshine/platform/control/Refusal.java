package io.sunshine.platform.control;

import java.util.Arrays;
import java.util.Objects;

/**
 * A command refused for a reason the caller can act on: a stable {@link ProblemCode}, the offending
 * field (if any) and the arguments of the localised message.
 *
 * <p>Declared an application exception with rollback in {@code ejb-jar.xml}, so a refused command
 * changes nothing, yet control classes stay free of container imports.
 *
 * <pre>{@code
 * throw new Refusal(ProblemCode.CALENDAR_YEAR_NOT_COVERED, "from", 2031);
 * }</pre>
 */
public class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemCode code;
    private final String field;
    private final transient Object[] args;

    public Refusal(ProblemCode code, String field, Object... args) {
        super(code.name() + (field == null ? "" : " [" + field + "]"), null, false, false);
        this.code = Objects.requireNonNull(code, "A refusal needs a problem code.");
        this.field = field;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public ProblemCode code() {
        return code;
    }

    /** The request field at fault, or {@code null} when the refusal is about the whole request. */
    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return "Refusal[" + code + ", field=" + field + ", args=" + Arrays.toString(args) + "]";
    }
}
