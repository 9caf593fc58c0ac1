package no.losen.dialog;

import java.util.List;
import no.losen.content.Origin;

/**
 * A card a node shows: {@code contact} or {@code fact} (built from the facts table), or
 * {@code print} (a printable card: title key, its paragraphs and contacts).
 */
public record CardSpec(String type, String ref, List<Say> say, List<String> contacts, Origin at) {
}
