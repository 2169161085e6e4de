package io.sunshine.platform.boundary;

import io.sunshine.platform.control.ProblemCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses an API request body that is too large before anything reads it: JAX-RS reads a JSON body
 * into a string and a multipart body into parts before the business can check a size, so without
 * this a client could make the server buffer gigabytes. The caps sit just above what the business
 * itself accepts (so its own, more specific refusals still speak for bodies near the limit): 1 MB
 * for JSON, the document limit + 1 MB for multipart uploads, 10 MB + 64 KB for a catalogue CSV. (A
 * chunked body declares no length, and Grizzly does not show the servlet its Transfer-Encoding, so
 * such bodies are not capped here yet.)
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestSizeLimit extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final long JSON_CAP = 1024 * 1024;
    static final long CSV_CAP = 10L * 1024 * 1024 + 64 * 1024;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String method = req.getMethod();
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (!hasBody) {
            chain.doFilter(req, res);
            return;
        }
        long length = req.getContentLengthLong();
        long cap = capFor(req.getContentType());
        if (length > cap) {
            refuse(req, res, ProblemCode.BODY_TOO_LARGE, (cap + 1024 * 1024 - 1) / (1024 * 1024));
            return;
        }
        chain.doFilter(length < 0 ? new Capped(req, cap) : req, res);
    }

    static long capFor(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            long documents =
                    ConfigProvider.getConfig()
                            .getOptionalValue("sunshine.documents.max-bytes", Long.class)
                            .orElse(10L * 1024 * 1024);
            return documents + 1024 * 1024;
        }
        if (type.startsWith("text/csv")) {
            return CSV_CAP;
        }
        return JSON_CAP;
    }

    private static void refuse(
            HttpServletRequest req, HttpServletResponse res, ProblemCode code, Object... args)
            throws IOException {
        Locale locale = Problems.localeOf(Collections.list(req.getLocales()));
        byte[] body = Problems.json(code, null, locale, args).getBytes(StandardCharsets.UTF_8);
        res.setStatus(code.httpStatus());
        res.setContentType("application/problem+json;charset=UTF-8");
        res.setHeader("Content-Language", locale.toLanguageTag());
        res.setHeader("Connection", "close");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /** A request whose body stops with {@link BodyTooLarge} after {@code cap} bytes. */
    static final class Capped extends HttpServletRequestWrapper {
        private final long cap;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream =
                        new ServletInputStream() {
                            private long count;

                            private int counted(int n) throws IOException {
                                if (n > 0) {
                                    count += n;
                                    if (count > cap) {
                                        throw new BodyTooLarge(cap);
                                    }
                                }
                                return n;
                            }

                            @Override
                            public int read() throws IOException {
                                int b = in.read();
                                if (b >= 0) {
                                    counted(1);
                                }
                                return b;
                            }

                            @Override
                            public int read(byte[] buf, int off, int len) throws IOException {
                                return counted(in.read(buf, off, len));
                            }

                            @Override
                            public boolean isFinished() {
                                return in.isFinished();
                            }

                            @Override
                            public boolean isReady() {
                                return in.isReady();
                            }

                            @Override
                            public void setReadListener(ReadListener listener) {
                                in.setReadListener(listener);
                            }
                        };
            }
            return stream;
        }
    }
}
