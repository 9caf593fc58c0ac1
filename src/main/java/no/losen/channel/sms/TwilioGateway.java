package no.losen.channel.sms;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.losen.channel.sms.internal.Form;
import no.losen.channel.internal.Hmac;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Twilio's Messaging webhook: form-encoded parameters, signed with {@code X-Twilio-Signature},
 * answered with TwiML. The signature is Twilio's documented scheme: HMAC-SHA1 keyed with the
 * auth token over the full public URL followed by every POST parameter sorted by name (name,
 * then value, no separators), base64. The URL is the one Twilio called, which behind a proxy is
 * not the one this server sees, so it is built from {@code LOSEN_PUBLIC_URL} and the request's
 * path and query. Like Twilio's own validators, the URL is tried with and without the scheme's
 * default port, because Twilio may sign either form.
 */
public final class TwilioGateway implements SmsGateway {

    public static final String PATH = "/sms/twilio";
    public static final String HEADER = "X-Twilio-Signature";

    private final String authToken;
    private final String publicUrl;

    /**
     * @param authToken the account's auth token ({@code LOSEN_TWILIO_AUTH_TOKEN}); null: not configured
     * @param publicUrl the server's public base URL ({@code LOSEN_PUBLIC_URL}), e.g. {@code https://losen.example.org}
     */
    public TwilioGateway(String authToken, String publicUrl) {
        this.authToken = blankToNull(authToken);
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public String missingConfig() {
        if (authToken == null) {
            return "SMS via Twilio is not configured: set LOSEN_TWILIO_AUTH_TOKEN";
        }
        if (publicUrl == null) {
            return "SMS via Twilio needs the public URL Twilio calls: set LOSEN_PUBLIC_URL";
        }
        return null;
    }

    @Override
    public Inbound read(Webhook request) {
        List<Map.Entry<String, String>> params;
        try {
            params = Form.parse(request.body());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "bad_request", "the body is not a valid form: " + e.getMessage());
        }
        String given = request.header(HEADER);
        if (given == null || given.isBlank() || !valid(publicUrl + request.uri(), params, given.strip())) {
            throw new Refusal(403, "forbidden", "the request does not carry a valid " + HEADER);
        }
        String from = Form.first(params, "From");
        String id = firstOf(params, "MessageSid", "SmsMessageSid", "SmsSid");
        if (from == null || from.isBlank() || id == null || id.isBlank()) {
            throw new Refusal(400, "bad_request", "From and MessageSid are required");
        }
        String body = Form.first(params, "Body");
        String media = Form.first(params, "NumMedia");
        int count = media != null && media.strip().matches("\\d{1,2}") ? Integer.parseInt(media.strip()) : 0;
        return new Inbound(from, Form.first(params, "To"), body == null ? "" : body, SmsGateway.checkedId(id), count);
    }

    boolean valid(String url, List<Map.Entry<String, String>> params, String given) {
        boolean ok = false;
        for (String u : urlForms(url)) {
            // No early exit: every candidate is compared, in constant time each.
            ok |= Hmac.same(signature(authToken, u, params), given);
        }
        return ok;
    }

    /** Twilio's signature for a URL and its POST parameters. */
    public static String signature(String authToken, String url, List<Map.Entry<String, String>> params) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(params);
        sorted.sort(Comparator.<Map.Entry<String, String>, String>comparing(Map.Entry::getKey)
                .thenComparing(Map.Entry::getValue));
        StringBuilder data = new StringBuilder(url);
        sorted.forEach(e -> data.append(e.getKey()).append(e.getValue()));
        return Base64.getEncoder().encodeToString(Hmac.sha1(authToken, data.toString()));
    }

    /** The URL as given, and with the scheme's default port added or removed. */
    static List<String> urlForms(String url) {
        List<String> out = new ArrayList<>();
        out.add(url);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return out;
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
        String port = scheme.equals("https") ? "443" : scheme.equals("http") ? "80" : null;
        if (port == null) {
            return out;
        }
        int hostStart = schemeEnd + 3;
        int pathStart = url.indexOf('/', hostStart);
        int queryStart = url.indexOf('?', hostStart);
        int end = pathStart < 0 ? (queryStart < 0 ? url.length() : queryStart)
                : (queryStart < 0 ? pathStart : Math.min(pathStart, queryStart));
        String authority = url.substring(hostStart, end);
        String rest = url.substring(end);
        String head = url.substring(0, hostStart);
        int at = authority.lastIndexOf('@');
        String host = authority.substring(at + 1);
        boolean hasPort = host.matches(".*:\\d+$") && !host.endsWith("]");
        if (hasPort && host.endsWith(":" + port)) {
            out.add(head + authority.substring(0, authority.length() - port.length() - 1) + rest);
        } else if (!hasPort) {
            out.add(head + authority + ":" + port + rest);
        }
        return out;
    }

    @Override
    public Response reply(List<String> messages) {
        return twiml(200, "Response", w -> {
            for (String m : messages) {
                element(w, "Message", m);
            }
        });
    }

    @Override
    public Response error(int status, String code, String message) {
        return twiml(status, "Error", w -> {
            element(w, "Code", code);
            element(w, "Message", message);
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** A TwiML document written by the JDK's StAX writer, which does the escaping. */
    private static Response twiml(int status, String root, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(root);
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("TwiML could not be written", e); // a StringWriter does not fail
        }
        return new Response(status, "text/xml; charset=utf-8", out.toString());
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(legal(text));
        w.writeEndElement();
    }

    /**
     * Characters XML 1.0 cannot carry at all (control characters, a lone surrogate) become U+FFFD,
     * visible rather than dropped; StAX escapes the rest but would write these as they are.
     */
    static String legal(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                b.append(c).append(s.charAt(++i));
            } else {
                boolean legal = c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD);
                b.append(legal ? c : '\uFFFD');
            }
        }
        return b.toString();
    }

    private static String firstOf(List<Map.Entry<String, String>> params, String... names) {
        for (String n : names) {
            String v = Form.first(params, n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
