package io.sunshine.procurement.project.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.directory.entity.RegistrationStatus;
import io.sunshine.directory.entity.SizeClass;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.project.control.EnrolmentRule.Ban;
import io.sunshine.procurement.project.control.EnrolmentRule.LotFacts;
import io.sunshine.procurement.project.control.EnrolmentRule.ProjectFacts;
import io.sunshine.procurement.project.control.EnrolmentRule.SupplierFacts;
import io.sunshine.procurement.project.entity.ProjectState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnrolmentRuleTest {
    // 2026-01-20 09:30 Beijing
    private static final Instant DEADLINE = Instant.parse("2026-01-20T01:30:00Z");
    private static final Instant BEFORE = DEADLINE.minusSeconds(3600);
    private static final Instant DECLARED = Instant.parse("2025-11-03T02:15:07Z");
    private static final ProjectFacts PUBLISHED =
            new ProjectFacts("SZCG-2026-000150", ProjectState.PUBLISHED, DEADLINE);
    private static final LotFacts LOT = new LotFacts(1, true, false);
    private static final LotFacts SME_LOT = new LotFacts(2, true, true);

    private static SupplierFacts supplier(SizeClass size) {
        return new SupplierFacts(
                "信达科技", RegistrationStatus.VERIFIED, size, "财库〔2020〕46号 v1", DECLARED, null);
    }

    private static final SupplierFacts SMALL = supplier(SizeClass.SMALL);

    private static Refusal refused(Optional<Refusal> r) {
        assertTrue(r.isPresent(), "refused");
        return r.get();
    }

    @Test
    void aVerifiedSupplierEnrolsInAnOpenLotOfAPublishedProject() {
        assertEquals(Optional.empty(), EnrolmentRule.refusal(PUBLISHED, LOT, SMALL, BEFORE));
    }

    @Test
    void enrolmentIsOpenUntilOneMillisecondBeforeTheDeadline() {
        assertEquals(
                Optional.empty(),
                EnrolmentRule.refusal(PUBLISHED, LOT, SMALL, DEADLINE.minusMillis(1)));
    }

    @Test
    void theDeadlineItselfIsTooLateAndTheRefusalQuotesItInBeijingTime() {
        Refusal r = refused(EnrolmentRule.refusal(PUBLISHED, LOT, SMALL, DEADLINE));
        assertEquals(ProblemCode.ENROLMENT_DEADLINE_PASSED, r.code());
        assertEquals(422, r.code().httpStatus());
        assertEquals("2026-01-20 09:30:00", r.args()[1]);
        assertEquals(
                "项目 SZCG-2026-000150 的报名已于截止时间 2026-01-20 09:30:00（北京时间）结束。",
                ProblemMessages.message(r.code(), Locale.CHINA, r.args()));
        assertEquals(
                ProblemCode.ENROLMENT_DEADLINE_PASSED,
                refused(EnrolmentRule.refusal(PUBLISHED, LOT, SMALL, DEADLINE.plusMillis(1)))
                        .code());
    }

    @Test
    void aDraftOrTerminatedProjectTakesNoEnrolmentAndSaysWhichItIs() {
        ProjectFacts terminated =
                new ProjectFacts("SZCG-2026-000150", ProjectState.TERMINATED, DEADLINE);
        Refusal r = refused(EnrolmentRule.refusal(terminated, LOT, SMALL, BEFORE));
        assertEquals(ProblemCode.ENROLMENT_PROJECT_NOT_OPEN, r.code());
        assertEquals(
                "Project SZCG-2026-000150 is terminated: suppliers enrol only while its procurement"
                        + " notice is in force.",
                ProblemMessages.message(r.code(), Locale.ENGLISH, r.args()));
        ProjectFacts draft = new ProjectFacts("SZCG-2026-000150", ProjectState.DRAFT, null);
        assertEquals(
                ProblemCode.ENROLMENT_PROJECT_NOT_OPEN,
                refused(EnrolmentRule.refusal(draft, LOT, SMALL, BEFORE)).code());
    }

    @Test
    void anUnknownLotIsNamed() {
        Refusal r =
                refused(
                        EnrolmentRule.refusal(
                                PUBLISHED, new LotFacts(7, false, false), SMALL, BEFORE));
        assertEquals(ProblemCode.LOT_NOT_FOUND, r.code());
        assertEquals("lotNo", r.field());
        assertEquals(
                "Project SZCG-2026-000150 has no lot 7.",
                ProblemMessages.message(r.code(), Locale.ENGLISH, r.args()));
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistrationStatus.class,
            names = {"PENDING", "REJECTED"})
    void onlyAVerifiedSupplierEnrols(RegistrationStatus status) {
        SupplierFacts s = new SupplierFacts("信达科技", status, SizeClass.SMALL, "v1", DECLARED, null);
        Refusal r = refused(EnrolmentRule.refusal(PUBLISHED, LOT, s, BEFORE));
        assertEquals(ProblemCode.ENROLMENT_SUPPLIER_NOT_VERIFIED, r.code());
        assertTrue(
                ProblemMessages.message(r.code(), Locale.ENGLISH, r.args())
                        .startsWith(
                                "Your supplier registration is " + status.name().toLowerCase()));
    }

    @ParameterizedTest
    @EnumSource(
            value = SizeClass.class,
            names = {"MEDIUM", "SMALL", "MICRO"})
    void anSmeOnlyLotAdmitsMediumSmallAndMicroEnterprises(SizeClass size) {
        assertEquals(
                Optional.empty(),
                EnrolmentRule.refusal(PUBLISHED, SME_LOT, supplier(size), BEFORE));
    }

    @Test
    void anSmeOnlyLotRefusesALargeEnterpriseAndQuotesItsDeclaration() {
        Refusal r =
                refused(
                        EnrolmentRule.refusal(
                                PUBLISHED, SME_LOT, supplier(SizeClass.LARGE), BEFORE));
        assertEquals(ProblemCode.ENROLMENT_SME_ONLY, r.code());
        assertEquals(
                "Lot 2 of project SZCG-2026-000150 is reserved to small and medium-sized"
                        + " enterprises (Cai Ku [2020] No. 46); your size declaration of"
                        + " 2025-11-03 10:15:07 (version 财库〔2020〕46号 v1) says: large enterprise.",
                ProblemMessages.message(r.code(), Locale.ENGLISH, r.args()));
        assertTrue(ProblemMessages.message(r.code(), Locale.CHINA, r.args()).endsWith("为：大型企业。"));
    }

    @Test
    void aLargeEnterpriseEnrolsInALotOpenToAll() {
        assertEquals(
                Optional.empty(),
                EnrolmentRule.refusal(PUBLISHED, LOT, supplier(SizeClass.LARGE), BEFORE));
    }

    @Test
    void anSmeOnlyLotRefusesASupplierWithoutASizeDeclaration() {
        Refusal r = refused(EnrolmentRule.refusal(PUBLISHED, SME_LOT, supplier(null), BEFORE));
        assertEquals(ProblemCode.ENROLMENT_SIZE_NOT_DECLARED, r.code());
    }

    @Test
    void aListedSupplierIsRefusedWithTheDecisionAndTheLastDayOfTheBan() {
        SupplierFacts listed =
                new SupplierFacts(
                        "信达科技",
                        RegistrationStatus.VERIFIED,
                        SizeClass.SMALL,
                        "v1",
                        DECLARED,
                        new Ban("深财购罚〔2025〕12号", LocalDate.of(2027, 3, 31)));
        Refusal r = refused(EnrolmentRule.refusal(PUBLISHED, LOT, listed, BEFORE));
        assertEquals(ProblemCode.ENROLMENT_SUPPLIER_LISTED, r.code());
        String zh = ProblemMessages.message(r.code(), Locale.CHINA, r.args());
        assertTrue(zh.contains("深财购罚〔2025〕12号") && zh.contains("至 2027-03-31（含当日）"), zh);
    }

    @Test
    void theProjectStateComesBeforeTheDeadlineAndTheDeadlineBeforeTheSupplier() {
        ProjectFacts terminated =
                new ProjectFacts("SZCG-2026-000150", ProjectState.TERMINATED, DEADLINE);
        SupplierFacts pending =
                new SupplierFacts(
                        "x", RegistrationStatus.PENDING, SizeClass.LARGE, "v1", DECLARED, null);
        assertEquals(
                ProblemCode.ENROLMENT_PROJECT_NOT_OPEN,
                refused(EnrolmentRule.refusal(terminated, SME_LOT, pending, DEADLINE)).code());
        assertEquals(
                ProblemCode.ENROLMENT_DEADLINE_PASSED,
                refused(EnrolmentRule.refusal(PUBLISHED, SME_LOT, pending, DEADLINE)).code());
    }

    @Test
    void withdrawalIsOpenStrictlyBeforeTheDeadline() {
        assertEquals(Optional.empty(), EnrolmentRule.closed(PUBLISHED, DEADLINE.minusMillis(1)));
        assertEquals(
                ProblemCode.ENROLMENT_DEADLINE_PASSED,
                refused(EnrolmentRule.closed(PUBLISHED, DEADLINE)).code());
    }

    @Test
    void theNamesOfEnrolledSuppliersAreDisclosedFromTheDeadlineOn() {
        assertFalse(EnrolmentRule.namesDisclosable(PUBLISHED, DEADLINE.minusMillis(1)));
        assertTrue(EnrolmentRule.namesDisclosable(PUBLISHED, DEADLINE));
    }
}
