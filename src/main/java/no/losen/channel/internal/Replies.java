package no.losen.channel.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Makes a webhook idempotent on the provider's message id. Gateways (an SMS provider, Meta's
 * WhatsApp webhooks) retry when an answer is slow or lost; a retry must get the same answer and
 * must not move the dialog a second time. The first request's pending answer is remembered at
 * once, so a retry that arrives while the first is still being handled waits for that same
 * answer instead of doing the step again. A failed answer is forgotten, so a retry after a fault
 * is handled afresh.
 *
 * @param <T> the answer: the SMS texts of the reply, or nothing for a channel that sends later
 */
public final class Replies<T> {

    private final Cache<String, Future<T>> cache;

    public Replies(Duration ttl, long max) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(max).executor(Runnable::run).build();
    }

    /** The answer for {@code key}: the remembered one, or {@code work}'s, remembered for next time. */
    public Future<T> once(String key, Supplier<Future<T>> work) {
        Future<T> mine;
        synchronized (this) {
            Future<T> known = cache.getIfPresent(key);
            if (known != null) {
                return no.losen.internal.OwnContext.of(known);
            }
            mine = Future.<T>succeededFuture().compose(x -> work.get());
            cache.put(key, mine);
        }
        mine.onFailure(e -> cache.asMap().remove(key, mine));
        return mine;
    }

    /**
     * Replaces what every answer whose key starts with {@code prefix} said with {@code nothing},
     * except {@code keep}'s (STOP erases a phone's past replies). The ids stay, answering nothing:
     * a gateway that retries a message from before the STOP must not start a new conversation with it.
     */
    public void forget(String prefix, String keep, T nothing) {
        Future<T> none = Future.succeededFuture(nothing);
        cache.asMap().replaceAll((k, v) -> k.startsWith(prefix) && !k.equals(keep) ? none : v);
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
