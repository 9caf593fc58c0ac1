package no.losen.channel.sms.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a webhook idempotent on the gateway's message id. Gateways retry when an answer is
 * slow or lost; a retry must get the same reply and must not move the dialog a second time.
 * The first request's pending answer is remembered at once, so a retry that arrives while the
 * first is still being handled waits for that same answer instead of doing the step again.
 * A failed answer is forgotten, so a retry after a fault is handled afresh.
 */
public final class Replies {

    private final Cache<String, Future<List<String>>> cache;

    public Replies(Duration ttl, long max) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(max).executor(Runnable::run).build();
    }

    /** The answer for {@code key}: the remembered one, or {@code work}'s, remembered for next time. */
    public Future<List<String>> once(String key, Supplier<Future<List<String>>> work) {
        Future<List<String>> mine;
        synchronized (this) {
            Future<List<String>> known = cache.getIfPresent(key);
            if (known != null) {
                return known;
            }
            mine = Future.<List<String>>succeededFuture().compose(x -> work.get());
            cache.put(key, mine);
        }
        mine.onFailure(e -> cache.asMap().remove(key, mine));
        return mine;
    }

    /**
     * Forgets what every answer whose key starts with {@code prefix} said, except {@code keep}'s
     * (STOP erases a phone's past replies). The ids stay, answering nothing: a gateway that
     * retries a message from before the STOP must not start a new conversation with it.
     */
    public void forget(String prefix, String keep) {
        Future<List<String>> nothing = Future.succeededFuture(List.of());
        cache.asMap().replaceAll((k, v) -> k.startsWith(prefix) && !k.equals(keep) ? nothing : v);
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
