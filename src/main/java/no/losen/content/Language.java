package no.losen.content;

import java.util.EnumMap;
import java.util.Map;

/**
 * A language the product speaks, as its translation file describes it.
 *
 * @param code   the tag used everywhere (nb, en, ar, …)
 * @param name   the language's name in itself, so a picker is readable by those who need it
 * @param dir    {@code ltr} or {@code rtl}; renderers set it per message, not per page
 * @param status {@code reviewed} when a person checked the file; {@code draft} otherwise
 */
public record Language(String code, String name, String dir, String status) {

    public boolean rtl() {
        return "rtl".equals(dir);
    }

    public boolean reviewed() {
        return "reviewed".equals(status);
    }

    /** The script the language is written in: its name's, which is written in it ("العربية", "ትግርኛ"). */
    public Character.UnicodeScript script() {
        return script(name);
    }

    /** The script most of {@code text}'s letters are in; null when it has none. */
    public static Character.UnicodeScript script(String text) {
        Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(c -> letters.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
        return letters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
