package no.losen.channel.sms.internal;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body read from its raw bytes. Signatures cover
 * every parameter, repeated names included, so the parameters are kept as a list of pairs
 * rather than trusting a framework's map, which may merge or drop some.
 */
public final class Form {

    private Form() {
    }

    /** The pairs in order; throws {@link IllegalArgumentException} on bad escapes or bytes that are not UTF-8. */
    public static List<Map.Entry<String, String>> parse(byte[] body) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the body is not UTF-8");
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return out;
    }

    public static String first(List<Map.Entry<String, String>> params, String name) {
        return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
