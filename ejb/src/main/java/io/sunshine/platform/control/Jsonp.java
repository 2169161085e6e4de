package io.sunshine.platform.control;

import jakarta.json.spi.JsonProvider;

/**
 * The platform's one JSON-P provider. {@code jakarta.json.Json.create…} looks the provider up with
 * a {@link java.util.ServiceLoader} on every call (jakarta.json 2.1 keeps none), and in Payara that
 * is a class-path scan: the auction benchmark's profile found it on every request (reading a body,
 * writing a problem). Everything builds its JSON through this provider instead.
 */
public final class Jsonp {
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {}
}
