package io.sunshine.supervision.control;

import java.time.Instant;
import java.util.Objects;

/**
 * The content of one audit row, before it is chained: who (user, roles, organisation, client
 * address), when, what (action, object type and id) and the object's state before and after, each a
 * short summary. Plain data, so the chain rule can be tested without a database.
 */
public record AuditRecord(
        Instant occurredAt,
        String actor,
        String actorRoles,
        String organisation,
        String clientAddress,
        String action,
        String objectType,
        String objectId,
        String before,
        String after) {

    public AuditRecord {
        Objects.requireNonNull(occurredAt, "An audit record needs its time.");
        Objects.requireNonNull(actor, "An audit record needs its actor.");
        Objects.requireNonNull(action, "An audit record needs its action.");
    }
}
