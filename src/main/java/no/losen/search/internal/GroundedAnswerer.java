package no.losen.search.internal;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.List;
import no.losen.search.SearchConfig;
import no.losen.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short answer written by a configured chat model from the retrieved passages only, citing
 * them as [1], [2]. The passages are always returned beside it, so a reader can check every
 * claim; when the model fails or cites nothing, no answer is given rather than an unsourced one.
 */
public final class GroundedAnswerer {

    private static final Logger LOG = LoggerFactory.getLogger(GroundedAnswerer.class);
    private static final int PASSAGES = 4;

    private final ChatModel model;

    GroundedAnswerer(ChatModel model) {
        this.model = model;
    }

    public static GroundedAnswerer build(SearchConfig config) {
        return new GroundedAnswerer(OpenAiChatModel.builder()
                .baseUrl(config.chatUrl()).apiKey(config.apiKey() == null ? "none" : config.apiKey())
                .modelName(config.chatModel()).temperature(0.0).timeout(Duration.ofSeconds(30)).maxRetries(1).build());
    }

    /** The answer, or null when the model gave none that cites a passage. */
    public String answer(String question, String lang, List<SearchResult> results) {
        StringBuilder ctx = new StringBuilder();
        for (int i = 0; i < Math.min(PASSAGES, results.size()); i++) {
            SearchResult r = results.get(i);
            ctx.append('[').append(i + 1).append("] ").append(r.title()).append(" — ").append(r.section())
                    .append('\n').append(r.text()).append("\n\n");
        }
        String system = "You answer questions from staff and migrants using ONLY the numbered passages given. "
                + "Answer in the language with code '" + lang + "' in at most three plain sentences. "
                + "Cite every claim with the passage number in square brackets, like [1]. "
                + "If the passages do not answer the question, say so briefly and cite nothing.";
        try {
            String text = model.chat(SystemMessage.from(system),
                    UserMessage.from("Passages:\n" + ctx + "Question: " + question)).aiMessage().text();
            return text != null && text.matches("(?s).*\\[\\d+].*") ? text.strip() : null;
        } catch (RuntimeException e) {
            LOG.warn("chat model failed; returning passages only: {}", e.getClass().getSimpleName());
            return null;
        }
    }
}
