package no.losen.channel.sms;

/**
 * The SMS channel's settings ({@code LOSEN_TWILIO_AUTH_TOKEN}, {@code LOSEN_SMS_SECRET},
 * {@code LOSEN_SMS_KEY_SECRET}, {@code LOSEN_SMS_DIALOG}). An endpoint whose secret is unset
 * refuses with 503 rather than accepting unsigned messages.
 *
 * @param twilioAuthToken Twilio's auth token, the key of {@code X-Twilio-Signature}
 * @param secret          the shared secret of the generic JSON webhook's HMAC
 * @param keySecret       the secret phone numbers are hashed with; unset: random per process
 * @param dialog          the dialog a new SMS conversation starts
 * @param twilioAccountSid Twilio's account SID, to send the messages of "Talk to a person" (unset: not offered
 *                         to people who write through Twilio)
 * @param twilioApi       Twilio's REST API base ({@link TwilioSender#API}; a stand-in in tests)
 * @param sendUrl         where the generic gateway's relay takes messages to send (unset: "Talk to a person"
 *                        is not offered to people who write through {@code /sms/inbound})
 */
public record SmsConfig(String twilioAuthToken, String secret, String keySecret, String dialog,
                        String twilioAccountSid, String twilioApi, String sendUrl) {

    public static final String DEFAULT_DIALOG = "rights";

    public SmsConfig {
        dialog = dialog == null || dialog.isBlank() ? DEFAULT_DIALOG : dialog.strip();
        twilioAccountSid = blank(twilioAccountSid) ? null : twilioAccountSid.strip();
        twilioApi = blank(twilioApi) ? TwilioSender.API : twilioApi.strip();
        sendUrl = blank(sendUrl) ? null : sendUrl.strip();
        if (sendUrl != null && !sendUrl.matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("LOSEN_SMS_SEND_URL must be an http(s) URL");
        }
    }

    /** Without the send side: the dialog answers in the webhook's response, and nobody is reached by SMS. */
    public SmsConfig(String twilioAuthToken, String secret, String keySecret, String dialog) {
        this(twilioAuthToken, secret, keySecret, dialog, null, null, null);
    }

    /** The same, with the send side set: the generic relay's send URL, and Twilio's account SID and API base. */
    public SmsConfig withSending(String twilioAccountSid, String twilioApi, String sendUrl) {
        return new SmsConfig(twilioAuthToken, secret, keySecret, dialog, twilioAccountSid, twilioApi, sendUrl);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static SmsConfig defaults() {
        return new SmsConfig(null, null, null, DEFAULT_DIALOG);
    }

    /** Whether any gateway can deliver messages: then an SMS operator carries (and keeps) them. */
    public boolean enabled() {
        return !set(twilioAuthToken).equals("unset") || !set(secret).equals("unset");
    }

    @Override
    public String toString() {
        // Config records get logged and printed; secrets must not come along.
        return "SmsConfig[twilio=" + set(twilioAuthToken) + ", secret=" + set(secret) + ", keySecret=" + set(keySecret)
                + ", dialog=" + dialog + ", twilioAccount=" + set(twilioAccountSid) + ", sendUrl=" + set(sendUrl) + "]";
    }

    private static String set(String s) {
        return s == null || s.isBlank() ? "unset" : "set";
    }
}
