package io.sunshine.directory.boundary;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;

/**
 * The account the current HTTP request was authenticated as by its bearer token, noted by the
 * authentication mechanism so that the business need not read the user again for the same request
 * (a bid reads it once, not three times). Empty outside a bearer-token request (pages, timers).
 */
@RequestScoped
public class RequestCaller {
    private Account account;

    /** Notes the account a bearer token was found good for. */
    public void authenticated(Account account) {
        this.account = account;
    }

    /** The request's account, when it is the one named {@code username}. */
    public Optional<Account> account(String username) {
        return account != null && account.username().equals(username)
                ? Optional.of(account)
                : Optional.empty();
    }

    /** The request's account named {@code username}, if there is a request scope and it is. */
    public static Optional<Account> of(Instance<RequestCaller> caller, String username) {
        try {
            return caller.isResolvable() ? caller.get().account(username) : Optional.empty();
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
