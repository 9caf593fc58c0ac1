package no.losen.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a cache entry, the content's fingerprint: the SHA-256 of everything a derived thing was
 * made from: its kind, the code version, and the inputs the caller adds (file bytes, example texts, settings). Each input is length-prefixed, so
 * ("ab", "c") and ("a", "bc") differ. Equal fingerprints mean the derived thing would come out the
 * same, so a cache entry under it may be used instead of building.
 */
public record CacheKey(String hex) {

    public static Builder of(String kind) {
        return new Builder(kind, CodeVersion.current());
    }

    /** With an explicit code version (tests: a new build without building). */
    public static Builder of(String kind, String codeVersion) {
        return new Builder(kind, codeVersion);
    }

    /** The first 24 hex digits: enough to tell entries apart in a file name. */
    public String shortHex() {
        return hex.substring(0, 24);
    }

    public static final class Builder {
        private final MessageDigest sha;

        private Builder(String kind, String codeVersion) {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            add(kind).add(codeVersion);
        }

        public Builder add(byte[] bytes) {
            long n = bytes.length;
            for (int i = 0; i < 8; i++) {
                sha.update((byte) (n >>> (8 * i)));
            }
            sha.update(bytes);
            return this;
        }

        public Builder add(String s) {
            return add((s == null ? "\u0000null" : s).getBytes(StandardCharsets.UTF_8));
        }

        public Builder add(double d) {
            return add(Double.toString(d));
        }

        public CacheKey build() {
            return new CacheKey(HexFormat.of().formatHex(sha.digest()));
        }
    }
}
