package io.sunshine.platform.control;

/**
 * The stable codes of every refusal the platform gives. A code never changes meaning once
 * published: clients switch on it. Its message lives in the {@code problems} bundle under the key
 * {@code problem.<CODE>}, in zh-CN and en.
 */
public enum ProblemCode {
    // request shape
    BODY_MALFORMED(400),
    VALIDATION_FAILED(400),
    PARAMETER_MISSING(400),
    PARAMETER_CONFLICT(400),
    DATE_INVALID(400),
    NUMBER_INVALID(400),
    AMOUNT_INVALID(400),
    AMOUNT_NEGATIVE(400),
    AMOUNT_TOO_LARGE(400),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    MEDIA_TYPE_UNSUPPORTED(415),
    BODY_TOO_LARGE(413),

    // calendar
    CALENDAR_YEAR_NOT_COVERED(422),
    PERIOD_OUT_OF_RANGE(400),

    // identity and access
    AUTHENTICATION_REQUIRED(401),
    AUTH_FAILED(401),
    ACCOUNT_LOCKED(401),
    ACCOUNT_DISABLED(401),
    TOKEN_INVALID(401),
    ACCESS_DENIED(403),
    USERNAME_INVALID(400),
    USERNAME_TAKEN(409),
    PASSWORD_TOO_WEAK(400),
    ROLE_NOT_ALLOWED_FOR_ORGANISATION(422),
    ROLES_MISSING(400),
    ORGANISATION_NOT_FOUND(404),
    ORGANISATION_NAME_TAKEN(409),
    USER_NOT_FOUND(404),
    CREDIT_CODE_INVALID(400),
    CREDIT_CODE_TAKEN(409),

    // budget
    BUDGET_LINE_NOT_FOUND(404),
    BUDGET_LINE_CODE_TAKEN(409),
    BUDGET_CLASSIFICATION_INVALID(400),
    BUDGET_YEAR_INVALID(400),
    BUDGET_UNIT_INVALID(422),
    BUDGET_INSUFFICIENT(422),
    BUDGET_ADJUSTMENT_TOO_LOW(422),
    BUDGET_EXCEEDS_FROZEN(409),
    REASON_REQUIRED(400),

    // procurement: requirements, plans, intentions, the method rule table
    REQUIREMENT_NOT_FOUND(404),
    REQUIREMENT_STATE_INVALID(409),
    REQUIREMENT_ITEMS_MISSING(400),
    REQUIREMENT_TOO_MANY_ITEMS(400),
    REQUIREMENT_ITEM_INVALID(400),
    REQUIREMENT_CATEGORIES_MIXED(422),
    CATALOGUE_CODE_UNKNOWN(422),
    METHOD_REQUIRED(400),
    PROCUREMENT_METHOD_NOT_ALLOWED(422),
    METHOD_REQUIRES_OPEN_TENDER(422),
    METHOD_REASON_REQUIRED(400),
    PLANNED_START_INVALID(400),
    INTENTION_TOO_LATE(422),
    INTENTION_STATE_INVALID(409),
    RULE_VALUE_INVALID(400),

    // procurement catalogue
    CATALOGUE_CODE_INVALID(400),
    CATALOGUE_CATEGORY_INVALID(400),
    CATALOGUE_ITEM_NOT_FOUND(404),
    CATALOGUE_IMPORT_NOT_FOUND(404),
    CATALOGUE_FILE_EMPTY(400),
    CATALOGUE_FILE_TOO_LARGE(413),
    CATALOGUE_IMPORT_RUNNING(409),

    // supplier registry
    TEXT_LENGTH_INVALID(400),
    PHONE_INVALID(400),
    EMAIL_INVALID(400),
    BANK_ACCOUNT_INVALID(400),
    SIZE_DECLARATION_REQUIRED(400),
    SUPPLIER_NOT_FOUND(404),
    REGISTRATION_NOT_PENDING(409),
    REGISTRATION_NOT_REJECTED(409),
    REGISTRATION_CLOSED(409),
    REJECTION_REASON_REQUIRED(400),
    REGISTRATION_RATE_LIMITED(429),
    DOCUMENT_EMPTY(400),
    DOCUMENT_TOO_LARGE(413),
    DOCUMENT_NOT_PDF(415),
    DOCUMENT_NAME_INVALID(400),
    DOCUMENT_LIMIT_REACHED(409),
    DOCUMENT_NOT_FOUND(404),

    // notices: statutory periods
    NOTICE_PERIOD_TOO_SHORT(422),
    CORRECTION_DEADLINE_TOO_EARLY(422),
    BID_SECURITY_TOO_HIGH(422),

    // notices: the public portal (list, search, detail, feed)
    NOTICE_NOT_FOUND(404),
    NOTICE_CURSOR_INVALID(400),
    NOTICE_QUERY_TOO_LONG(400),
    NOTICE_QUERY_NO_WORDS(400),
    NOTICE_QUERY_TOO_MANY_WORDS(400),
    NOTICE_FILTER_INVALID(400),
    NOTICE_CATEGORY_INVALID(400),
    NOTICE_DATE_RANGE_INVALID(400),
    NOTICE_BUYER_TOO_LONG(400),
    NOTICE_PAGE_SIZE_INVALID(400),

    // the unexpected: never the user's fault, never a stack trace
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int httpStatus;

    ProblemCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The key of this code's message in the {@code problems} bundle. */
    public String messageKey() {
        return "problem." + name();
    }

    /** The stable problem type URI (RFC 9457 {@code type}). */
    public String typeUri() {
        return "https://sunshine-procurement.io/problems/" + name();
    }
}
