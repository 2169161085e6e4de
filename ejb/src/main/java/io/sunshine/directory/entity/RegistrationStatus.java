package io.sunshine.directory.entity;

/**
 * Where an organisation's registration stands. A supplier that registers itself is {@link #PENDING}
 * until an agency or administrator verifies it; a rejected one may correct its details and
 * resubmit. Organisations an administrator creates, and every organisation that existed before
 * self-registration, are {@link #VERIFIED}.
 */
public enum RegistrationStatus {
    /** 待审核 */
    PENDING,
    /** 已审核通过 */
    VERIFIED,
    /** 已退回 */
    REJECTED
}
