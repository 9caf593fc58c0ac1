package no.losen.dialog;

import no.losen.content.Origin;

/** What a node does with typed text: hand it to a named action, or keep it in a variable and go on. */
public record FreeText(String action, String var, String next, Origin at) {
}
