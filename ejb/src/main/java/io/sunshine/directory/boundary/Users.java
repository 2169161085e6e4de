package io.sunshine.directory.boundary;

import io.sunshine.directory.entity.AppUser;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Optional;

/** The one query by user name, shared by the directory's beans (not an EJB: no proxy between). */
final class Users {
    private Users() {}

    static Optional<AppUser> byUsername(EntityManager em, String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT u FROM AppUser u WHERE u.username = :u", AppUser.class)
                .setParameter("u", username.strip().toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }
}
