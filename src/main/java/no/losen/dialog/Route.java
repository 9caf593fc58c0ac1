package no.losen.dialog;

import no.losen.content.Origin;

/**
 * One branch of a router node: taken when {@code when} holds. {@code targetAt} is the {@code goto}
 * line, where an author must look when the target is wrong.
 */
public record Route(Condition when, String target, Origin at, Origin targetAt) {
}
