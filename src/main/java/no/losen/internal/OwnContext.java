package no.losen.internal;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * A future that several requests share (a cached readiness answer, the identity provider
 * discovered once, a webhook's remembered reply, the step before this one for the same phone)
 * completes on the event loop of the request that made it, and Vert.x runs every listener there.
 * A connection may be touched only on its own event loop (the servers run in strict thread mode:
 * "Only the context thread can write a message"), so a request that waits on someone else's
 * future takes the outcome back to its own context first. With one listener verticle per event
 * loop this is the difference between an answer and none.
 */
public final class OwnContext {

    private OwnContext() {
    }

    /** {@code shared}, completing on the caller's context; outside any context, {@code shared} itself. */
    public static <T> Future<T> of(Future<T> shared) {
        Context here = Vertx.currentContext();
        if (here == null) {
            return shared;
        }
        Promise<T> mine = Promise.promise();
        shared.onComplete(r -> here.runOnContext(v -> mine.handle(r)));
        return mine.future();
    }
}
