package io.sunshine.supervision.boundary;

import io.sunshine.supervision.entity.AuditEntry;
import java.io.Serializable;
import java.time.Instant;

/** An audit row as pages and the API show it. */
public record AuditEntryView(
        long seq,
        Instant occurredAt,
        String actor,
        String actorRoles,
        String organisation,
        String clientAddress,
        String action,
        String objectType,
        String objectId,
        String before,
        String after,
        String hash)
        implements Serializable {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(
                e.getSeq(),
                e.getOccurredAt(),
                e.getActor(),
                e.getActorRoles(),
                e.getOrganisation(),
                e.getClientAddress(),
                e.getAction(),
                e.getObjectType(),
                e.getObjectId(),
                e.getBeforeState(),
                e.getAfterState(),
                e.getHash());
    }
}
