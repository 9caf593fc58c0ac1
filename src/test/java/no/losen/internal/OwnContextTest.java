package no.losen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A future made on one event loop and waited on from another: its outcome arrives on the waiter's. */
class OwnContextTest {

    static final Vertx VERTX = Vertx.vertx();
    /** Two listener verticles' contexts, on two event loops, as two requests on two connections. */
    static final List<Context> LOOPS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void twoEventLoops() {
        VERTX.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                LOOPS.add(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(2)).await();
    }

    @AfterAll
    static void down() {
        VERTX.close().await();
    }

    /** Where the outcome of a timer made on the first loop is seen from the second, with or without OwnContext. */
    static String seenOn(boolean own) throws Exception {
        CompletableFuture<Future<Void>> made = new CompletableFuture<>();
        LOOPS.get(0).runOnContext(v -> made.complete(VERTX.timer(20, TimeUnit.MILLISECONDS)));
        Future<Void> shared = made.get(5, TimeUnit.SECONDS);
        CompletableFuture<String> thread = new CompletableFuture<>();
        LOOPS.get(1).runOnContext(v -> (own ? OwnContext.of(shared) : shared)
                .onComplete(r -> thread.complete(Thread.currentThread().getName())));
        return thread.get(5, TimeUnit.SECONDS);
    }

    static String threadOf(Context c) throws Exception {
        CompletableFuture<String> t = new CompletableFuture<>();
        c.runOnContext(v -> t.complete(Thread.currentThread().getName()));
        return t.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theWaiterSeesTheOutcomeOnItsOwnEventLoop() throws Exception {
        assertThat(threadOf(LOOPS.get(0))).isNotEqualTo(threadOf(LOOPS.get(1)));
        assertThat(seenOn(true)).isEqualTo(threadOf(LOOPS.get(1)));
    }

    @Test
    void withoutItVertxRunsTheListenerOnTheLoopThatMadeTheFuture() throws Exception {
        assertThat(seenOn(false)).isEqualTo(threadOf(LOOPS.get(0)));
    }

    @Test
    void outsideAnyContextTheSharedFutureIsGivenAsItIs() {
        Future<String> shared = Future.succeededFuture("x");
        assertThat(OwnContext.of(shared)).isSameAs(shared);
    }
}
