package io.sunshine.procurement.project.boundary;

/**
 * The answer to an enrolment: the enrolment and whether this request made it ({@code created}) or
 * found it already there (a repeated request changes nothing and gets the same enrolment back).
 */
public record EnrolmentOutcome(EnrolmentView enrolment, boolean created) {}
