package no.losen.channel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import no.losen.http.StaticBody;

/**
 * A static file of the widget, read once at start-up and named by its content hash. The hash in
 * the name lets browsers cache it for a year: a new release is a new name, never a stale copy.
 *
 * @param stem        the name without extension ({@code widget})
 * @param extension   {@code js} or {@code css}
 * @param contentType the Content-Type to send
 * @param body        the content as served, plain and gzipped
 * @param hash        the first 12 hex digits of the content's SHA-256
 */
public record Asset(String stem, String extension, String contentType, StaticBody body, String hash) {

    /** Where the widget's files live on the classpath. */
    static final String ROOT = "webroot/";

    /** The hashed file name, e.g. {@code widget.3f2a9c0d1e4b.js}. */
    public String fileName() {
        return stem + "." + hash + "." + extension;
    }

    /** The URL path the asset is served under. */
    public String path() {
        return "/assets/" + fileName();
    }

    /** The content as it is, not compressed. */
    public byte[] bytes() {
        return body.plain();
    }

    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** Reads {@code webroot/<stem>.<extension>} from the classpath, transforms its text, and hashes the result. */
    static Asset load(String stem, String extension, String contentType, UnaryOperator<String> transform) {
        String name = ROOT + stem + "." + extension;
        try (InputStream in = Asset.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            byte[] bytes = transform.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            return new Asset(stem, extension, contentType, StaticBody.of(bytes), hash(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
