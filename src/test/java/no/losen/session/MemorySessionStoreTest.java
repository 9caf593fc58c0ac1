package no.losen.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import no.losen.dialog.Session;
import org.junit.jupiter.api.Test;

class MemorySessionStoreTest {

    private final AtomicLong now = new AtomicLong();
    private final Ticker ticker = now::get;
    private final MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), 3, ticker);
    private final Session session = new Session("demo", "hello", "nb", Map.of(), List.of(), false);

    @Test
    void keepsASessionWhileItIsUsed() {
        store.put("t", session);
        now.addAndGet(Duration.ofMinutes(29).toNanos());
        assertThat(store.get("t").result()).contains(session);
        now.addAndGet(Duration.ofMinutes(29).toNanos());
        assertThat(store.get("t").result()).contains(session);
    }

    @Test
    void forgetsASessionIdleForTheTtl() {
        store.put("t", session);
        now.addAndGet(Duration.ofMinutes(31).toNanos());
        assertThat(store.get("t").result()).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aSessionOnlyStartedIsForgottenAfterItsShortLifeHoweverOftenItIsRead() {
        store.putStarted("t", session);
        now.addAndGet(SessionStore.STARTED_TTL.minusSeconds(1).toNanos());
        assertThat(store.get("t").result()).as("read within its short life").contains(session);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(store.get("t").result()).as("reading did not renew it").isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aSessionOnlyStartedGetsTheFullTtlAtItsFirstStep() {
        Session stepped = new Session("demo", "elsewhere", "nb", Map.of(), List.of(new Session.Step("hello", Map.of())),
                false);
        store.putStarted("t", session);
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(store.replace("t", stepped).result()).isTrue();
        now.addAndGet(Duration.ofMinutes(29).toNanos());
        assertThat(store.get("t").result()).contains(stepped);
        now.addAndGet(Duration.ofMinutes(31).toNanos());
        assertThat(store.get("t").result()).isEmpty();
    }

    @Test
    void aSessionOnlyStartedIsKeptNoLongerThanAShorterTtl() {
        MemorySessionStore brief = new MemorySessionStore(Duration.ofMinutes(1), 3, ticker);
        brief.putStarted("t", session);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(brief.get("t").result()).isEmpty();
    }

    @Test
    void removeErasesAtOnceAndSaysWhetherItErasedOne() {
        store.put("t", session);
        assertThat(store.remove("t").result()).isTrue();
        assertThat(store.get("t").result()).isEmpty();
        assertThat(store.remove("t").result()).as("ended already").isFalse();
    }

    @Test
    void replaceStoresOverASessionHeldButNeverBringsBackOneRemoved() {
        Session moved = new Session("demo", "elsewhere", "nb", Map.of(), List.of(), false);
        store.put("t", session);
        assertThat(store.replace("t", moved).result()).isTrue();
        assertThat(store.get("t").result()).contains(moved);
        store.remove("t");
        assertThat(store.replace("t", moved).result()).isFalse();
        assertThat(store.get("t").result()).isEmpty();
    }

    @Test
    void staysWithinItsSizeBound() {
        for (int i = 0; i < 10; i++) {
            store.put("t" + i, session);
        }
        assertThat(store.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aSessionWithVariablesAndHistoryComesBackEqualFromItsStoredForm() {
        Session walked = new Session("demo", "summary", "ar", Map.of("minor", true, "signs", List.of("debt", "fixer")),
                List.of(new Session.Step("hello", Map.of()), new Session.Step("signs", Map.of("minor", true))), true);
        store.put("w", walked);
        assertThat(store.get("w").result()).contains(walked);
    }
}
