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
 */
public record SmsConfig(String twilioAuthToken, String secret, String keySecret, String dialog) {

    public static final String DEFAULT_DIALOG = "rights";

    public SmsConfig {
        dialog = dialog == null || dialog.isBlank() ? DEFAULT_DIALOG : dialog.strip();
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
                + ", dialog=" + dialog + "]";
    }

    private static String set(String s) {
        return s == null || s.isBlank() ? "unset" : "set";
    }
}
