package no.losen.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.losen.dialog.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisSessionStoreTest {

    static RedisServer redis;
    static Vertx vertx;
    static RedisAPI raw;

    static final Session SESSION = new Session("rights", "health", "ar", Map.of("situation", "asylum",
            "worries", List.of("debt", "fixer")), List.of(new Session.Step("start", Map.of())), false);

    @BeforeAll
    static void up() {
        redis = RedisServer.startOrSkip();
        vertx = Vertx.vertx();
        raw = RedisAPI.api(Redis.createClient(vertx, redis.uri()));
    }

    @AfterAll
    static void down() {
        if (vertx != null) {
            vertx.close().await();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aSessionPutIsReadBackEqual() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        String token = Tokens.next();
        store.put(token, SESSION).await();
        assertThat(store.get(token).await()).contains(SESSION);
        assertThat(store.get(Tokens.next()).await()).isEmpty();
        store.close().await();
    }

    @Test
    void replaceStoresOverASessionHeldButNeverBringsBackOneRemoved() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        String token = Tokens.next();
        Session moved = SESSION.at("elsewhere", SESSION.vars());
        store.put(token, SESSION).await();
        assertThat(store.replace(token, moved).await()).isTrue();
        assertThat(store.get(token).await()).contains(moved);
        store.remove(token).await();
        assertThat(store.replace(token, moved).await()).isFalse();
        assertThat(store.get(token).await()).isEmpty();
        store.close().await();
    }

    @Test
    void aFullQueueIsBusyNotDown() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30), 1, 1);
        java.util.List<Future<Optional<Session>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(store.get(Tokens.next()));
        }
        Future.join(calls).otherwiseEmpty().await();

        assertThat(calls).anyMatch(c -> c.cause() instanceof StoreBusyException)
                .noneMatch(c -> c.cause() instanceof StoreUnavailableException);
        assertThat(store.down()).isFalse();
        assertThat(store.get(Tokens.next()).await()).as("the next call is answered").isEmpty();
        store.close().await();
    }

    @Test
    void onlyTheSmallSessionStateIsWrittenUnderOneKeyWithTheIdleTtl() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        String token = Tokens.next();
        store.put(token, SESSION).await();
        Response value = raw.get(RedisSessionStore.PREFIX + token).await();
        assertThat(value.toString()).isEqualTo(SessionCodec.encode(SESSION))
                .doesNotContain(token).hasSizeLessThan(200);
        long pttl = raw.pttl(RedisSessionStore.PREFIX + token).await().toLong();
        assertThat(pttl).isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(30).toMillis());
        store.close().await();
    }

    @Test
    void readingRenewsTheTtlAndAnIdleSessionExpires() {
        // Redis keeps the clock: the key's time to live is set by hand instead of waited for.
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        String token = Tokens.next();
        String key = RedisSessionStore.PREFIX + token;
        store.put(token, SESSION).await();
        raw.pexpire(List.of(key, "1000")).await();   // as if it had been idle for all but a second
        assertThat(store.get(token).await()).isPresent();
        assertThat(raw.pttl(key).await().toLong()).as("reading renews the whole TTL")
                .isGreaterThan(Duration.ofMinutes(29).toMillis());
        raw.pexpireat(List.of(key, "1")).await();     // idle past its TTL: Redis drops it
        assertThat(store.get(token).await()).isEmpty();
        assertThat(raw.exists(List.of(key)).await().toInteger()).isZero();
        store.close().await();
    }

    @Test
    void aSessionOnlyStartedIsForgottenAfterItsShortLifeHoweverOftenItIsRead() throws Exception {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30),
                Duration.ofMillis(1500), 16, 4096);
        Session started = new Session("rights", "start", "ar", Map.of(), List.of(), false);
        String token = Tokens.next();
        String key = RedisSessionStore.PREFIX + token;
        store.putStarted(token, started).await();
        assertThat(raw.pttl(key).await().toLong()).isBetween(1L, 1500L);
        Thread.sleep(500);
        assertThat(store.get(token).await()).as("read within its short life").contains(started);
        assertThat(raw.pttl(key).await().toLong()).as("reading did not renew it").isBetween(1L, 1000L);
        Thread.sleep(1100);
        assertThat(store.get(token).await()).isEmpty();
        assertThat(raw.exists(List.of(key)).await().toInteger()).isZero();
        store.close().await();
    }

    @Test
    void aSessionOnlyStartedGetsTheFullTtlAtItsFirstStepAndKeepsItOnReading() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30),
                Duration.ofMillis(600), 16, 4096);
        String token = Tokens.next();
        String key = RedisSessionStore.PREFIX + token;
        store.putStarted(token, new Session("rights", "start", "ar", Map.of(), List.of(), false)).await();
        assertThat(store.replace(token, SESSION).await()).isTrue();
        assertThat(raw.get(key).await().toString()).doesNotStartWith(SessionCodec.STARTED);
        assertThat(raw.pttl(key).await().toLong()).isGreaterThan(Duration.ofMinutes(29).toMillis());
        raw.pexpire(List.of(key, "1000")).await();
        assertThat(store.get(token).await()).contains(SESSION);
        assertThat(raw.pttl(key).await().toLong()).as("reading renews the full TTL")
                .isGreaterThan(Duration.ofMinutes(29).toMillis());
        store.close().await();
    }

    @Test
    void conversationsStartedAndEndedAreCountedAtOnceNotAtTheNextReadOfRedisCount() throws Exception {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        Thread.sleep(300);   // the first read of Redis's count, at once (other tests' keys may be there)
        long base = store.size();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(Tokens.next());
        }
        Future.all(tokens.stream().map(t -> store.putStarted(t, SESSION)).toList()).await();
        assertThat(store.size()).as("fifty started, counted before Redis's count is read again").isEqualTo(base + 50);
        assertThat(store.remove(tokens.get(0)).await()).as("erased by this call").isTrue();
        assertThat(store.remove(tokens.get(0)).await()).as("a second end of the same conversation erases nothing").isFalse();
        assertThat(store.size()).isEqualTo(base + 49);
        store.close().await();
    }

    @Test
    void aReadOfRedisCountWhileConversationsAreOnTheirWayThereStillCountsThem() {
        // Sixteen connections, eight conversations: the count's read has a connection of its own.
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30), 16, 4096);
        store.readCount().await();
        long base = store.size();
        // Redis holds writes (for less than the store waits on a call); reads are answered
        raw.client(List.of("PAUSE", Long.toString(RedisSessionStore.TIMEOUT.toMillis() * 3 / 4), "WRITE")).await();
        List<Future<Void>> starting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starting.add(store.putStarted(Tokens.next(), SESSION));
        }
        store.readCount().await();
        assertThat(store.size()).as("Redis holds none of the eight yet").isEqualTo(base + 8);
        Future.all(starting).await();
        store.readCount().await();
        assertThat(store.size()).as("stored, counted once").isEqualTo(base + 8);
        store.close().await();
    }

    @Test
    void removeErasesTheKeyAtOnce() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        String token = Tokens.next();
        store.put(token, SESSION).await();
        store.remove(token).await();
        assertThat(raw.exists(List.of(RedisSessionStore.PREFIX + token)).await().toInteger()).isZero();
        assertThat(store.get(token).await()).isEmpty();
        store.close().await();
    }

    @Test
    void anOutageFailsFastAsUnavailableAndTheStoreRecoversByItself() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        String token = Tokens.next();
        store.put(token, SESSION).await();
        assertThat(store.ready().await()).isTrue();

        redis.stop();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> store.get(token).await()).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.put(token, SESSION).await()).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.ready().await()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(7));

        redis.start();   // empty again: nothing was persisted
        assertThat(eventually(() -> store.ready().await())).isTrue();
        store.put(token, SESSION).await();
        assertThat(store.get(token).await()).contains(SESSION);
        store.close().await();
    }

    @Test
    void whileDownEveryCallIsRefusedAtOnceAndTheStoresOwnPingsFindRedisBack() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        String token = Tokens.next();
        store.put(token, SESSION).await();
        assertThat(store.down()).as("up until a call fails").isFalse();

        redis.stop();
        assertThatThrownBy(() -> store.get(token).await()).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.down()).isTrue();
        for (int i = 0; i < 20; i++) {
            // Refused without a call to Redis: already failed when handed back, however many ask.
            assertThat(store.remove(token).failed()).isTrue();
            assertThat(store.get(token).failed()).isTrue();
        }

        redis.start();   // nobody calls the store now: its own pings must notice
        assertThat(eventually(() -> !store.down())).isTrue();
        store.put(token, SESSION).await();
        assertThat(store.get(token).await()).contains(SESSION);
        store.close().await();
    }

    @Test
    void aConversationEndedWhileRedisWasAwayIsErasedWhenItAnswersAgainWithoutBeingAskedAgain() {
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        String token = Tokens.next();
        store.put(token, SESSION).await();
        raw.client(List.of("PAUSE", "3000", "ALL")).await();   // Redis answers no one for 3 s; what it holds stays
        assertThatThrownBy(() -> store.get(token).await()).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.down()).isTrue();
        // Known down, the end is refused at once, never sent (a call sent would run when Redis wakes).
        assertThatThrownBy(() -> store.remove(token).await()).isInstanceOf(StoreUnavailableException.class);
        // Nobody says end again (a widget that closed, a person who gave up): the store's own pings find Redis back.
        assertThat(eventually(() -> !store.down())).isTrue();
        assertThat(eventually(() -> raw.exists(List.of(RedisSessionStore.PREFIX + token)).await().toInteger() == 0))
                .as("erased once Redis is back").isTrue();
        store.close().await();
    }

    @Test
    void sizeCountsTheSessionsHeld() {
        raw.flushdb(List.of()).await();
        RedisSessionStore store = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        store.put(Tokens.next(), SESSION).await();
        store.put(Tokens.next(), SESSION).await();
        store.close().await();
        RedisSessionStore again = new RedisSessionStore(vertx, redis.uri(), Duration.ofMinutes(30));
        assertThat(eventually(() -> again.size() == 2)).isTrue();
        again.close().await();
    }

    static boolean eventually(java.util.function.BooleanSupplier check) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (check.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // keep trying until the deadline
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

}
