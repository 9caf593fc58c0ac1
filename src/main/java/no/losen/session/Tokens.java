package no.losen.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Session tokens: 128 random bits, URL-safe. A token is the only key to a session, so it must not be guessable. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String next() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A string that could be a token; anything else is refused before it reaches a store. */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == 22 && token.chars().allMatch(c ->
                Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
