package no.losen.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.losen.content.Fact;
import no.losen.content.Fingerprint;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.CardSpec;
import no.losen.dialog.Choice;
import no.losen.dialog.Dialog;
import no.losen.dialog.DialogSet;
import no.losen.dialog.Node;
import no.losen.dialog.Say;
import no.losen.dialog.load.Validator;

/**
 * Where every key is used, found by walking the loaded dialogs the way the validator counts
 * coverage: titles, topics, "anywhere" choices, what nodes say (with their parameters and the
 * variable values that are keys), choices, checklist options, steps and cards. Texts the
 * engine shows itself and the facts' names count as used too. What this walk cannot see
 * (widget and SMS words, which programs show) is not a dialog's, so it is never called an orphan.
 */
public final class Usage {

    private final DialogSet set;
    private final Map<String, List<Use>> uses = new LinkedHashMap<>();
    private final Map<String, String> namespaces = new LinkedHashMap<>();

    public Usage(DialogSet set) {
        this.set = set;
        for (Dialog d : set.dialogs().values()) {
            walk(d);
            int dot = d.title().indexOf('.');
            if (dot > 0) {
                namespaces.put(d.title().substring(0, dot + 1), d.id());
            }
        }
        namespaces.put("fact.", "facts");
        // The SMS channel's own words (menus, keywords) travel only by SMS.
        set.translations().keys(Fingerprint.SOURCE_LANG).keySet().stream().filter(k -> k.startsWith("sms.")).sorted()
                .forEach(k -> add(k, new Use("sms", null, "SMS channel", false, true)));
        Validator.ENGINE_KEYS.forEach(k -> add(k, new Use("engine", null, "all dialogs", false, true)));
        // A short SMS form is used wherever its full text travels by SMS; it is shown nowhere else.
        for (String k : set.translations().keys(Fingerprint.SOURCE_LANG).keySet().stream().sorted().toList()) {
            String full = Translations.variantOf(k);
            if (full != null) {
                for (Use u : List.copyOf(of(full))) {
                    if (u.sms()) {
                        add(k, new Use(u.dialog(), u.node(), "SMS only, short form of " + full, u.resident(), true));
                    }
                }
            }
        }
        for (Fact f : set.facts().all().values()) {
            if (f.name() != null) {
                add(f.name(), new Use("facts", f.id(), "contact and fact cards", false, false));
            }
            add("fact." + f.id() + ".text", new Use("facts", f.id(), "contact and fact cards", false, false));
            if (f.basis() != null) {
                add("fact." + f.id() + ".basis", new Use("facts", f.id(), "the source line of contact and fact cards", false, false));
            }
        }
    }

    /** The places {@code key} appears; empty for keys only programs use (or no one). */
    public List<Use> of(String key) {
        return uses.getOrDefault(key, List.of());
    }

    public boolean used(String key) {
        return uses.containsKey(key);
    }

    /**
     * The dialog whose words {@code key} is named as ({@code rights.…} for the dialog titled
     * {@code rights.title}), or null. Such a key that no dialog uses was left when a node was deleted.
     */
    public String owner(String key) {
        for (var e : namespaces.entrySet()) {
            if (key.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * True when the text travels by SMS somewhere, so its length has a budget. A full text with
     * a short {@code .sms} form does not: SMS sends the short form instead.
     */
    public boolean sms(String key) {
        return of(key).stream().anyMatch(Use::sms) && shortForm(key) == null;
    }

    /** True when the source language's text of {@code key} is empty (an SMS form that leaves its text out). */
    public boolean leftOut(String key) {
        var t = set.translations().keys(Fingerprint.SOURCE_LANG).get(key);
        return t != null && t.text().isBlank();
    }

    /** The key of {@code key}'s short SMS form when the source language has one ({@code x} → {@code x.sms}), else null. */
    public String shortForm(String key) {
        String k = key + "." + Translations.SMS;
        return set.translations().has(Fingerprint.SOURCE_LANG, k) ? k : null;
    }

    /** True when the language needs this key: a dialog offering it (or reading it to residents in it) shows the key. */
    public boolean neededIn(String key, String lang) {
        List<Use> us = of(key);
        if (Translations.variantOf(key) != null && leftOut(key)) {
            return false;   // an empty SMS form leaves the text out in every language: nothing to translate
        }
        if (us.isEmpty() && key.startsWith("console.")) {
            // The staff console speaks the staff dialogs' languages, not the residents'.
            return set.dialogs().values().stream().anyMatch(d -> d.audience() == Audience.STAFF && d.languages().contains(lang));
        }
        if (us.isEmpty()) {
            return owner(key) == null;
        }
        for (Use u : us) {
            Dialog d = set.dialogs().get(u.dialog());
            if (d == null || d.languages().contains(lang) || (u.resident() && d.residentLanguages().contains(lang))) {
                return true;
            }
        }
        return false;
    }

    private void walk(Dialog d) {
        boolean pub = d.audience() == Audience.PUBLIC;
        String channel = pub ? "web widget and SMS" : "staff console";
        add(d.title(), new Use(d.id(), null, channel, false, false));
        d.topics().stream().filter(t -> t.keywords() != null)
                .forEach(t -> add(t.keywords(), new Use(d.id(), null, "typed-text keywords", false, false)));
        d.topics().stream().filter(t -> t.danger() != null).forEach(t -> add(t.danger(), new Use(d.id(), t.target(),
                "typed-text words of danger now (never shown)", false, false)));
        d.topics().stream().filter(t -> t.label() != null).forEach(t -> add(t.label(),
                new Use(d.id(), t.target(), channel + ", a choice when typed text may be about this topic", false, false)));
        d.anywhere().forEach(c -> choice(c, new Use(d.id(), null, channel + ", on every step", false, pub)));
        for (Node n : d.nodes().values()) {
            Use u = new Use(d.id(), n.id(), channel, false, pub);
            Use r = new Use(d.id(), n.id(), channel, true, pub);
            n.set().values().forEach(v -> value(v, u));
            n.say().forEach(s -> say(s, u, n.bilingual() ? r : null));
            n.choices().forEach(c -> choice(c, u));
            if (n.checklist() != null) {
                n.checklist().options().forEach(o -> add(o.label(), u));
            }
            if (n.step() != null) {
                add(n.step(), new Use(d.id(), n.id(), channel + ", progress step", false, false));
            }
            for (CardSpec c : n.cards()) {
                if (c.type().equals("print")) {
                    Use card = new Use(d.id(), n.id(), "printed card", n.bilingual(), false);
                    add(c.ref(), card);
                    c.say().forEach(s -> say(s, card, null));
                }
            }
        }
    }

    private void choice(Choice c, Use u) {
        add(c.label(), u);
        c.set().values().forEach(v -> value(v, u));
    }

    private void say(Say s, Use u, Use resident) {
        add(s.key(), u);
        s.params().values().forEach(k -> value(k, u));
        if (resident != null) {
            add(s.key(), resident);
            s.params().values().forEach(k -> value(k, resident));
        }
    }

    /** A variable or parameter value is shown as text when it is a key. */
    private void value(Object v, Use u) {
        if (v instanceof String s && set.translations().isKey(s)) {
            add(s, u);
        }
    }

    private void add(String key, Use u) {
        if (key == null) {
            return;
        }
        List<Use> list = uses.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(u)) {
            list.add(u);
        }
    }
}
