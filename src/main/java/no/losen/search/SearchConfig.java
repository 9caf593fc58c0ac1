package no.losen.search;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Optional model endpoints and local resources. Everything is off by default: with no
 * environment set, search is Lucene BM25 with the glossary (and FreeDict when installed).
 *
 * <ul>
 *   <li>{@code LOSEN_EMBEDDING_URL}, {@code LOSEN_EMBEDDING_MODEL}: an OpenAI-compatible
 *       embeddings endpoint (OpenAI, vLLM, or Ollama at {@code http://host:11434/v1}); enables
 *       {@code mode=vector} and adds vectors to {@code hybrid}.</li>
 *   <li>{@code LOSEN_CHAT_URL}, {@code LOSEN_CHAT_MODEL}: an OpenAI-compatible chat endpoint;
 *       enables the grounded short answer.</li>
 *   <li>{@code LOSEN_MODEL_API_KEY}: bearer key for those endpoints if they need one.</li>
 *   <li>{@code LOSEN_SEARCH_CACHE}: folder for the passage-embedding cache (keyed by corpus hash
 *       and model); default {@code ~/.cache/losen}.</li>
 *   <li>{@code LOSEN_FREEDICT_DIR}: where the dictd files of {@code dict-freedict-eng-nor} are;
 *       default {@code /usr/share/dictd}.</li>
 * </ul>
 */
public record SearchConfig(String embeddingUrl, String embeddingModel, String chatUrl, String chatModel,
                           String apiKey, Path cacheDir, Path freeDictDir) {

    /** No models, default paths. */
    public static SearchConfig defaults() {
        return fromEnv(Map.of());
    }

    public static SearchConfig fromEnv(Map<String, String> env) {
        return new SearchConfig(
                blankToNull(env.get("LOSEN_EMBEDDING_URL")),
                blankToNull(env.get("LOSEN_EMBEDDING_MODEL")),
                blankToNull(env.get("LOSEN_CHAT_URL")),
                blankToNull(env.get("LOSEN_CHAT_MODEL")),
                blankToNull(env.get("LOSEN_MODEL_API_KEY")),
                Path.of(Optional.ofNullable(blankToNull(env.get("LOSEN_SEARCH_CACHE")))
                        .orElse(System.getProperty("user.home") + "/.cache/losen")),
                Path.of(Optional.ofNullable(blankToNull(env.get("LOSEN_FREEDICT_DIR"))).orElse("/usr/share/dictd")));
    }

    public boolean embeddingsEnabled() {
        return embeddingUrl != null && embeddingModel != null;
    }

    public boolean chatEnabled() {
        return chatUrl != null && chatModel != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
