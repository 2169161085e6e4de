package io.sunshine.platform.boundary;

import jakarta.enterprise.context.RequestScoped;

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
}
