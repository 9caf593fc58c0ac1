package no.losen.translate.internal;

/**
 * Segments an SMS text costs: GSM-7 (160 septets alone, 153 per part; extension characters
 * cost two) or, as soon as one character is outside GSM-7, UCS-2 (70 units alone, 67 per part).
 * Typography with a GSM-7 equivalent (curly quotes, dashes, non-breaking spaces) is counted as
 * that equivalent, as the gateway's smart encoding sends it.
 *
 * <p>Integrator: this is a small stand-in for {@code no.losen.channel.sms.Segments} (branch
 * {@code sms}); once that is on main, replace {@link #segments} with
 * {@code Segments.count(Segments.plain(text)).segments()} and delete this class.
 */
public final class SmsCount {

    /** Segments one text may take (the SMS channel's budget per message). */
    public static final int BUDGET = 3;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENDED = "^{}\\[~]|€\f";

    private SmsCount() {
    }

    public static int segments(String raw) {
        String text = plain(raw);
        boolean gsm = text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENDED.indexOf(c) >= 0);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += gsm && EXTENDED.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (units <= single) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cost = gsm ? (EXTENDED.indexOf(c) >= 0 ? 2 : 1) : (Character.isHighSurrogate(c) && i + 1 < text.length() ? 2 : 1);
            if (used + cost > part) {
                parts++;
                used = 0;
            }
            used += cost;
            if (cost == 2 && !gsm) {
                i++;
            }
        }
        return parts;
    }

    static String plain(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u2032', '\u00B4' -> b.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB' -> b.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2022', '\u00B7' -> b.append('-');
                case '\u2026' -> b.append("...");
                case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
