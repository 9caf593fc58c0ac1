package no.losen.channel.whatsapp;

import java.time.Duration;

/**
 * The WhatsApp channel's settings ({@code LOSEN_WHATSAPP_*}). The webhook refuses (503) until
 * the verify token and the app secret are set: it never accepts an unsigned message. Replies
 * need the access token and the phone number id as well. Phone numbers are hashed with the
 * SMS key secret ({@code LOSEN_SMS_KEY_SECRET}), so there is one such secret per deployment.
 *
 * @param verifyToken   the token Meta echoes in the GET verification handshake ({@code hub.verify_token})
 * @param appSecret     the app secret: the key of {@code X-Hub-Signature-256}
 * @param accessToken   the Graph API access token replies are sent with
 * @param phoneNumberId the id of the business phone number replies are sent from
 * @param graphUrl      the Graph API base URL, version included ({@code https://graph.facebook.com/v21.0});
 *                      tests point it at a local stand-in
 * @param retry         back-off of the first retry of a send that met 429 or 5xx (doubling after)
 */
public record WhatsAppConfig(String verifyToken, String appSecret, String accessToken, String phoneNumberId,
                             String graphUrl, Duration retry) {

    public static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com/v21.0";
    public static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

    public WhatsAppConfig {
        verifyToken = blankToNull(verifyToken);
        appSecret = blankToNull(appSecret);
        accessToken = blankToNull(accessToken);
        phoneNumberId = blankToNull(phoneNumberId);
        graphUrl = graphUrl == null || graphUrl.isBlank() ? DEFAULT_GRAPH_URL : graphUrl.strip().replaceAll("/+$", "");
        retry = retry == null ? DEFAULT_RETRY : retry;
    }

    public WhatsAppConfig(String verifyToken, String appSecret, String accessToken, String phoneNumberId, String graphUrl) {
        this(verifyToken, appSecret, accessToken, phoneNumberId, graphUrl, DEFAULT_RETRY);
    }

    public static WhatsAppConfig defaults() {
        return new WhatsAppConfig(null, null, null, null, null);
    }

    /** Whether WhatsApp messages can reach this server: then Meta carries (and keeps) them. */
    public boolean enabled() {
        return appSecret != null;
    }

    /** Null when the webhook can run; else which variable to set. */
    public String missingConfig() {
        if (verifyToken == null) {
            return "WhatsApp is not configured: set LOSEN_WHATSAPP_VERIFY_TOKEN";
        }
        if (appSecret == null) {
            return "WhatsApp is not configured: set LOSEN_WHATSAPP_APP_SECRET";
        }
        if (accessToken == null) {
            return "WhatsApp cannot reply: set LOSEN_WHATSAPP_ACCESS_TOKEN";
        }
        if (phoneNumberId == null) {
            return "WhatsApp cannot reply: set LOSEN_WHATSAPP_PHONE_NUMBER_ID";
        }
        return null;
    }

    @Override
    public String toString() {
        // Config records get logged and printed; secrets must not come along.
        return "WhatsAppConfig[verifyToken=" + set(verifyToken) + ", appSecret=" + set(appSecret) + ", accessToken="
                + set(accessToken) + ", phoneNumberId=" + set(phoneNumberId) + ", graphUrl=" + graphUrl + "]";
    }

    private static String set(String s) {
        return s == null ? "unset" : "set";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
