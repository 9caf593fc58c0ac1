package no.losen.dialog;

import java.util.List;

/**
 * Something typed text can be handed to, such as the handbook search. The engine stays free
 * of I/O knowledge: it only asks for passages and wraps them in a card with the caution.
 */
@FunctionalInterface
public interface TextAction {

    List<Card.Hit> answer(String text, String lang);
}
