package no.losen.translate;

/**
 * One place a text appears, said so a translator can picture it: the dialog and node, and
 * the channel that shows it. {@code sms} marks texts that also travel by SMS (public dialogs),
 * where length costs money and arrives in pieces.
 *
 * @param dialog   dialog id, or an area ({@code engine}, {@code facts}, {@code program}) for texts no dialog names
 * @param node     node id; null for dialog-wide texts (title, topics, "anywhere" choices)
 * @param channel  where it is shown: {@code web+sms}, {@code staff console}, {@code all dialogs}, …
 * @param resident shown to the resident beside the staff member's language (bilingual nodes)
 */
public record Use(String dialog, String node, String channel, boolean resident, boolean sms) {

    @Override
    public String toString() {
        return dialog + (node == null ? "" : "/" + node) + " (" + channel + (resident ? ", read by the resident" : "") + ")";
    }
}
