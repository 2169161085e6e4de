package io.sunshine.procurement.project.entity;

/** Where a procurement project stands in stage 2. */
public enum ProjectState {
    /** Being prepared by the agency (or the unit, for decentralised procurement); not public. */
    DRAFT,
    /** Its procurement notice is published; suppliers download the documents and enrol. */
    PUBLISHED,
    /** Ended by a termination notice (终止公告). */
    TERMINATED
}
