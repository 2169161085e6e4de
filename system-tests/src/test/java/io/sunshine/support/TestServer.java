package io.sunshine.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The throw-away test server as the client-side tests see it: its base URL, its database (as the
 * application's own role, and as a superuser for the tests that tamper on purpose), and a small
 * HTTP client that speaks JSON.
 */
public final class TestServer {
    public static final String BASE_URL =
            System.getProperty("it.baseUrl", "http://localhost:28080");
    public static final String DEMO_PASSWORD = "Demo#2026";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestServer() {}

    public static Properties db() {
        Properties p = new Properties();
        Path file = Path.of(System.getProperty("it.state", "target/it-state"), "db.properties");
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The test server's database file is missing: " + file, e);
        }
        return p;
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + db().getProperty("database");
    }

    /** A connection as the application's own role, the one Payara's pool uses. */
    public static Connection asApplication() throws SQLException {
        Properties p = db();
        return DriverManager.getConnection(
                jdbcUrl(), p.getProperty("app.user"), p.getProperty("app.password"));
    }

    /** A superuser connection, for tests that must reach past the application on purpose. */
    public static Connection asSuperuser() throws SQLException {
        Properties p = db();
        return DriverManager.getConnection(
                jdbcUrl(), p.getProperty("su.user"), p.getProperty("su.password"));
    }

    /** An HTTP answer with its JSON body parsed (null when the body is not JSON). */
    public record Answer(int status, String contentType, String body) {
        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                JsonStructure s = r.read();
                return s instanceof JsonObject o ? o : null;
            }
        }

        public String code() {
            return json().getString("code");
        }
    }

    public static Answer get(String path, String token, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET();
        return send(b, token, language);
    }

    public static Answer post(String path, String json, String token, String language) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(BASE_URL + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        return send(b, token, language);
    }

    public static Answer put(String path, String json, String token, String language) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(BASE_URL + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        return send(b, token, language);
    }

    public static Answer delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).DELETE(), token, null);
    }

    /** A POST of raw bytes (an uploaded file) with its content type. */
    public static Answer postBytes(
            String path, byte[] body, String contentType, String token, String language) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(BASE_URL + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b, token, language);
    }

    /** A GET whose body is kept as bytes (downloads). */
    public static HttpResponse<byte[]> download(String path, String token, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        try {
            return HTTP.send(
                    b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(HttpRequest.Builder b, String token, String language) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            b.timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in over the API and returns the bearer token. */
    public static String token(String username, String password) {
        Answer a =
                post(
                        "/api/v1/auth/token",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", password)
                                .build()
                                .toString(),
                        null,
                        null);
        if (a.status() != 200) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + a.body());
        }
        return a.json().getString("token");
    }

    /** A name no other test (or earlier run) uses. */
    public static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }
}
