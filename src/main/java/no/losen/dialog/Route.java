package no.losen.dialog;

import no.losen.content.Origin;

/** One branch of a router node: taken when {@code when} holds. */
public record Route(Condition when, String target, Origin at) {
}
