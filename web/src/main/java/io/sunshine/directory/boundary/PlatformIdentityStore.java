package io.sunshine.directory.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The Jakarta Security identity store of the platform: checks the user name and password with the
 * directory's {@link Authenticator} (PBKDF2, lockout, audit) and returns the user's roles as
 * groups.
 */
@ApplicationScoped
public class PlatformIdentityStore implements IdentityStore {
    @EJB Authenticator authenticator;
    @Inject SignInOutcome outcome;
    @Inject SecurityMetrics metrics;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        SignInResult r =
                authenticator.signIn(
                        credential.getCaller(), credential.getPassword().getValue(), "web");
        outcome.set(r);
        metrics.signIn(r);
        if (!r.succeeded()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(r.account().username(), r.account().roleNames());
    }
}
