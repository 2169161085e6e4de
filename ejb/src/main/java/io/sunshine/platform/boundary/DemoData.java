package io.sunshine.platform.boundary;

import io.sunshine.platform.control.Jsonp;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Loads the demo data when, and only when, the server was started in demo mode: the run command
 * sets {@code -Dsunshine.demo.file=…/config/demo/demo-data.json}. Production servers and tests that
 * do not ask for it never have the property, so no demo account exists there.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "PlatformKeys"})
public class DemoData {
    public static final String PROPERTY = "sunshine.demo.file";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject Event<DemoDataRequested> requested;

    @PostConstruct
    void loadIfDemo() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                JsonReader json = Jsonp.PROVIDER.createReader(r)) {
            JsonObject data = json.readObject();
            requested.fire(new DemoDataRequested(data));
            LOG.info(() -> "Demo mode: demo data from " + path + " is in place.");
        } catch (IOException e) {
            throw new IllegalStateException("Demo data cannot be read from " + path, e);
        }
    }
}
