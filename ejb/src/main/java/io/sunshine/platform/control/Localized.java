package io.sunshine.platform.control;

/**
 * A message argument that is itself text of the {@code problems} bundle, resolved in the caller's
 * language when the message is formatted: a refusal can say why in words, not a code.
 *
 * <pre>{@code
 * throw new Refusal(ProblemCode.CREDIT_CODE_INVALID, "creditCode", new Localized("reason.creditCode.LENGTH"));
 * }</pre>
 */
public record Localized(String key, Object... args) {}
