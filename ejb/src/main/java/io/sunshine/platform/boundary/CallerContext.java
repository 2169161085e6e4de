package io.sunshine.platform.boundary;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

/**
 * What the web tier knows about the current request that the business needs for its records: the
 * client's address. Filled by the web module's request filter; empty outside an HTTP request
 * (timers, start-up).
 */
@RequestScoped
public class CallerContext {
    private String clientAddress;

    public String getClientAddress() {
        return clientAddress;
    }

    public void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** The current request's client address, or {@code null} outside an HTTP request. */
    public static String addressOf(Instance<CallerContext> context) {
        try {
            return context.isResolvable() ? context.get().getClientAddress() : null;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
