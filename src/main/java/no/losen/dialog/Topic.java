package no.losen.dialog;

import no.losen.content.Origin;

/**
 * Free text that matches these keywords jumps to a node. The keywords live in the
 * translations (a comma-separated list per language), like RapidPro's localized case
 * arguments, so a question typed in Tigrinya can reach the right answer. {@code targetAt} is the
 * {@code goto} line.
 */
public record Topic(String keywords, String target, Origin at, Origin targetAt) {
}
