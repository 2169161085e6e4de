package io.sunshine.procurement.project.control;

import io.sunshine.directory.entity.RegistrationStatus;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.control.Localized;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.project.entity.ProjectState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a supplier may enrol in (报名, obtain the documents of) a lot of a project at an instant,
 * and if not, the one reason it is told. The same rule refuses the command and explains on the
 * supplier's page why the "enrol" button is missing.
 *
 * <p>The reasons, in the order they are given: the project is not published or is terminated; the
 * lot does not exist; the deadline has passed (the deadline itself is too late: enrolment is open
 * strictly before it); the supplier's registration is not verified; the supplier is on the
 * bad-conduct list at that instant (政府采购法 第七十七条); the lot is reserved to small and medium-sized
 * enterprises (财库〔2020〕46号) and the supplier declared itself large, or declared nothing.
 *
 * <pre>{@code
 * Optional<Refusal> no = EnrolmentRule.refusal(project, lot, supplier, clock.instant());
 * }</pre>
 */
public final class EnrolmentRule {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    private EnrolmentRule() {}

    /** The project as enrolment sees it. */
    public record ProjectFacts(String reference, ProjectState state, Instant deadline) {
        public ProjectFacts {
            Objects.requireNonNull(reference);
            Objects.requireNonNull(state);
        }
    }

    /** The lot asked for: {@code exists} is false for a lot number the project does not have. */
    public record LotFacts(int lotNo, boolean exists, boolean smeOnly) {}

    /** A supplier's ban on the bad-conduct list, as the refusal cites it. */
    public record Ban(String decisionReference, LocalDate endsOn) {}

    /**
     * The supplier: its registration status, its size declaration (null when it has none) and the
     * ban that bars it at the instant of the request (null when none does).
     */
    public record SupplierFacts(
            String name,
            RegistrationStatus status,
            SizeClass size,
            String declarationVersion,
            Instant declaredAt,
            Ban ban) {}

    /** Why this supplier may not enrol in this lot at {@code now}; empty when it may. */
    public static Optional<Refusal> refusal(
            ProjectFacts project, LotFacts lot, SupplierFacts supplier, Instant now) {
        Optional<Refusal> closed = closed(project, now);
        if (closed.isPresent()) {
            return closed;
        }
        if (!lot.exists()) {
            return refuse(ProblemCode.LOT_NOT_FOUND, "lotNo", project.reference(), lot.lotNo());
        }
        if (supplier.status() != RegistrationStatus.VERIFIED) {
            return refuse(
                    ProblemCode.ENROLMENT_SUPPLIER_NOT_VERIFIED,
                    null,
                    new Localized("status." + supplier.status().name()));
        }
        if (supplier.ban() != null) {
            return refuse(
                    ProblemCode.ENROLMENT_SUPPLIER_LISTED,
                    null,
                    supplier.name(),
                    supplier.ban().decisionReference(),
                    supplier.ban().endsOn().toString());
        }
        if (lot.smeOnly()) {
            if (supplier.size() == null) {
                return refuse(
                        ProblemCode.ENROLMENT_SIZE_NOT_DECLARED,
                        "lotNo",
                        project.reference(),
                        lot.lotNo());
            }
            if (supplier.size() == SizeClass.LARGE) {
                return refuse(
                        ProblemCode.ENROLMENT_SME_ONLY,
                        "lotNo",
                        project.reference(),
                        lot.lotNo(),
                        new Localized("size." + supplier.size().name()),
                        beijing(supplier.declaredAt()),
                        supplier.declarationVersion() == null
                                ? "—"
                                : supplier.declarationVersion());
            }
        }
        return Optional.empty();
    }

    /**
     * Why a supplier may no longer change its enrolments in this project at {@code now} (enrol or
     * withdraw): not published, terminated, or past the deadline.
     */
    public static Optional<Refusal> closed(ProjectFacts project, Instant now) {
        if (project.state() != ProjectState.PUBLISHED) {
            return refuse(
                    ProblemCode.ENROLMENT_PROJECT_NOT_OPEN,
                    null,
                    project.reference(),
                    new Localized("projectState." + project.state().name()));
        }
        if (project.deadline() == null || !now.isBefore(project.deadline())) {
            return refuse(
                    ProblemCode.ENROLMENT_DEADLINE_PASSED,
                    null,
                    project.reference(),
                    beijing(project.deadline()));
        }
        return Optional.empty();
    }

    /**
     * Whether the names of the suppliers enrolled in a project may be shown to its agency and buyer
     * at {@code now}: only from the deadline on (招标投标法 第二十二条 forbids disclosing the names and
     * number of the potential bidders before; the platform itself notifies them of corrections, so
     * nobody needs the names earlier).
     */
    public static boolean namesDisclosable(ProjectFacts project, Instant now) {
        return project.deadline() != null && !now.isBefore(project.deadline());
    }

    /** Beijing time to the second, as refusals quote a deadline. */
    public static String beijing(Instant t) {
        return t == null ? "—" : SECONDS.format(t);
    }

    private static Optional<Refusal> refuse(ProblemCode code, String field, Object... args) {
        return Optional.of(new Refusal(code, field, args));
    }
}
