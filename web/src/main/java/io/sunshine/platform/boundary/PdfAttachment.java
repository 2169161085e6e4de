package io.sunshine.platform.boundary;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A stored PDF as a download: over REST with its original name and its SHA-256 for the client to
 * check, or as a page's file download.
 */
public final class PdfAttachment {
    /** The stored SHA-256 in hex. */
    public static final String SHA256_HEADER = "X-Content-SHA256";

    private PdfAttachment() {}

    public static Response response(byte[] bytes, String fileName, String sha256Hex) {
        byte[] sha = HexFormat.of().parseHex(sha256Hex);
        return Response.ok(bytes, "application/pdf")
                .header("Content-Disposition", contentDisposition(fileName))
                .header(SHA256_HEADER, sha256Hex)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha) + ":")
                .build();
    }

    /** RFC 6266: an ASCII fallback name and the stored original name in UTF-8 (RFC 8187). */
    public static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The PDF as a PrimeFaces file download under its original name. */
    public static org.primefaces.model.StreamedContent streamed(String fileName, byte[] bytes) {
        return org.primefaces.model.DefaultStreamedContent.builder()
                .name(fileName)
                .contentType("application/pdf")
                .contentLength((long) bytes.length)
                .stream(() -> new java.io.ByteArrayInputStream(bytes))
                .build();
    }
}
