package no.losen.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import no.losen.dialog.Session;
import org.junit.jupiter.api.Test;

class MemorySessionStoreTest {

    static final Session SESSION = new Session("demo", "health", "nb", Map.of("minor", true, "signs", List.of("debt")),
            List.of(new Session.Step("hello", Map.of())), false);

    @Test
    void keepsASessionUntilItHasBeenIdleForTheTtl() {
        AtomicLong now = new AtomicLong();
        MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), 100, now::get);
        store.put("t1", SESSION).await();
        now.addAndGet(Duration.ofMinutes(20).toNanos());
        assertThat(store.get("t1").await()).contains(SESSION);   // a read counts as activity
        now.addAndGet(Duration.ofMinutes(20).toNanos());
        assertThat(store.get("t1").await()).contains(SESSION);
        now.addAndGet(Duration.ofMinutes(31).toNanos());
        assertThat(store.get("t1").await()).isEmpty();
    }

    @Test
    void removeForgetsAtOnceAndSizeCounts() {
        MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), 100);
        store.put("a", SESSION).await();
        store.put("b", SESSION).await();
        assertThat(store.size()).isEqualTo(2);
        store.remove("a").await();
        assertThat(store.get("a").await()).isEmpty();
        assertThat(store.size()).isEqualTo(1);
    }
}
