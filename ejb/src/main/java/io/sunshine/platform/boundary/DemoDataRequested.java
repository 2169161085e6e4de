package io.sunshine.platform.boundary;

import jakarta.json.JsonObject;

/**
 * Fired once at start-up when the server runs in demo mode; each subsystem observes it and loads
 * its own part of the demo file, in one transaction, so the platform layer never reaches into a
 * subsystem.
 */
public record DemoDataRequested(JsonObject data) {}
