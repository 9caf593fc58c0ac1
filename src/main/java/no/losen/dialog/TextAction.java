package no.losen.dialog;

import java.util.List;

/**
 * Something typed text can be handed to, such as the handbook search. The engine stays free
 * of I/O knowledge: it only asks for passages and wraps them in a card with the caution.
 */
@FunctionalInterface
public interface TextAction {

    List<Card.Hit> answer(String text, String lang);

    /**
     * The answer without waiting on anything outside this process (a model endpoint), for beside the
     * emergency help, which must never wait on one; by default the answer itself.
     */
    default List<Card.Hit> answerAtOnce(String text, String lang) {
        return answer(text, lang);
    }
}
