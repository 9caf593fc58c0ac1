package no.losen.channel.sms;

/**
 * One SMS as a gateway delivered it. {@code from} is the sender's number: it is turned into a
 * {@link PhoneKey} at once and never stored, logged or echoed.
 *
 * @param id    the gateway's message id: a retried webhook carries the same one
 * @param media how many pictures, voice notes or other media came with it (Twilio's {@code NumMedia});
 *              never fetched
 */
public record Inbound(String from, String to, String text, String id, int media) {

    public Inbound(String from, String to, String text, String id) {
        this(from, to, text, id, 0);
    }

    @Override
    public String toString() {
        // A record's default toString would print the number into any log that prints this.
        return "Inbound[id=" + id + "]";
    }
}
