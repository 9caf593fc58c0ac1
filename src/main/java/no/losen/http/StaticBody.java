package no.losen.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A body that never changes while the server runs (the widget's script and styles, the staff
 * console's files), gzipped once at start-up.
 *
 * <p>Why: Vert.x compresses each answer on the event loop that sends it. The widget's script is
 * 72 KB; an attacker within the request budget asking for it with {@code Accept-Encoding: gzip} on
 * 24 keep-alive connections (850 answers a second) kept both event loops compressing, and a
 * bystander's conversation steps took 80–150 ms instead of 2–4. Sent already compressed, each such
 * answer is a copy of bytes. An answer carrying its own {@code Content-Encoding} is left alone by
 * the server's compressor.
 *
 * @param plain   the bytes as they are
 * @param gzipped the same bytes gzipped at the best compression
 */
public record StaticBody(byte[] plain, byte[] gzipped) {

    public static StaticBody of(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory cannot fail", e);
        }
        return new StaticBody(plain, out.toByteArray());
    }

    /**
     * Ends the response with the gzipped bytes when the client accepts gzip, else the plain ones;
     * a HEAD request gets the same headers (Content-Length of what GET would send) and no body.
     */
    public void send(HttpServerRequest request) {
        boolean gzip = acceptsGzip(request.getHeader("Accept-Encoding"));
        byte[] body = gzip ? gzipped : plain;
        request.response().putHeader("Vary", "Accept-Encoding");
        if (gzip) {
            request.response().putHeader("Content-Encoding", "gzip");
        }
        end(request, Buffer.buffer(body));
    }

    /**
     * Ends {@code request}'s response with {@code body}, or, for a HEAD request, with its headers only: the
     * same status and Content-Length, no body (Vert.x would send it).
     */
    public static void end(HttpServerRequest request, Buffer body) {
        if (request.method() == HttpMethod.HEAD) {
            request.response().putHeader("Content-Length", Integer.toString(body.length())).end();
        } else {
            request.response().end(body);
        }
    }

    /**
     * Whether an {@code Accept-Encoding} header lists gzip with a weight above zero, or,
     * without naming it, {@code *}
     * (RFC 9110, section 12.5.3).
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        double any = 0;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim();
            if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")) {
                return weight(parts) > 0;
            }
            if (coding.equals("*")) {
                any = weight(parts);
            }
        }
        return any > 0;
    }

    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
