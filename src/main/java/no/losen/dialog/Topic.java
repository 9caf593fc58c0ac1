package no.losen.dialog;

import no.losen.content.Origin;

/**
 * A place free text can jump to. What leads there is learnt from the dialog's example messages
 * ({@code translations/<dialog>/examples/}); {@code keywords} (a comma-separated list per language
 * in the translations, like RapidPro's localized case arguments) are examples too, and the only
 * way in for a dialog without example files. {@code label} names the topic when the engine offers
 * it as a choice ("Did you mean …?").
 *
 * @param keywords a translation key, or null
 * @param label    a translation key, or null (then the topic is never offered as a choice)
 * @param targetAt the {@code goto} line, where a wrong target is reported
 * @param danger   marks the topic of danger now, which wins over every other: a translation key of words
 *                 (comma-separated per language) any of which is enough to send a message there; or null
 */
public record Topic(String keywords, String target, String label, String danger, Origin at, Origin targetAt) {

    public Topic(String keywords, String target, Origin at) {
        this(keywords, target, null, null, at, at);
    }
}
