package io.sunshine.directory.boundary;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import jakarta.persistence.EntityManager;

/**
 * The uniqueness rules of organisations, shared by the administrator's directory and the supplier
 * registry (not an EJB: no proxy between): one organisation per name, one per credit code.
 */
final class Organisations {
    private Organisations() {}

    /**
     * @param exceptId the organisation being corrected (it may keep its own name and code), or null
     */
    static void requireUnique(EntityManager em, String name, String creditCode, Long exceptId) {
        long except = exceptId == null ? -1 : exceptId;
        Long same =
                em.createQuery(
                                "SELECT COUNT(o) FROM Organisation o WHERE o.name = :n AND o.id <>"
                                        + " :x",
                                Long.class)
                        .setParameter("n", name)
                        .setParameter("x", except)
                        .getSingleResult();
        if (same > 0) {
            throw new Refusal(ProblemCode.ORGANISATION_NAME_TAKEN, "name", name);
        }
        if (creditCode != null
                && em.createQuery(
                                        "SELECT COUNT(o) FROM Organisation o WHERE o.creditCode ="
                                                + " :c AND o.id <> :x",
                                        Long.class)
                                .setParameter("c", creditCode)
                                .setParameter("x", except)
                                .getSingleResult()
                        > 0) {
            throw new Refusal(ProblemCode.CREDIT_CODE_TAKEN, "creditCode", creditCode);
        }
    }
}
