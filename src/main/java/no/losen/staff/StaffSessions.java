package no.losen.staff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import no.losen.session.Tokens;

/**
 * Staff log-in sessions, held in memory only: a random 128-bit id in the {@code losen_staff}
 * cookie maps to who logged in and the session's CSRF token. A session ends after
 * {@code idle} without use, or at log-out; a restart logs everyone out, which is the safe
 * direction for a tool used at a desk in a reception centre.
 *
 * <p>A log-in that ends by idleness is reported like a log-out ({@link #onRemove}): its staff
 * conversations hold what a resident told, and a tab closed without "Log out" would otherwise leave them
 * in the store until its TTL. The scheduler makes that happen at the idle time, not at the next use of
 * the cache.
 */
public final class StaffSessions {

    /**
     * One login. {@code roles} say what it may do (never empty: a user without a role is not let in);
     * {@code csrf} guards state-changing requests beyond the SameSite cookie.
     */
    public record Login(String id, String user, Set<Role> roles, String csrf) {
        public Login {
            roles = Set.copyOf(roles);
        }

        public boolean has(Role r) {
            return roles.contains(r);
        }
    }

    private final Cache<String, Login> cache;
    private final Duration idle;
    private final List<Consumer<String>> removed = new CopyOnWriteArrayList<>();

    public StaffSessions(Duration idle, Ticker ticker) {
        this.idle = idle;
        this.cache = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(10_000).ticker(ticker)
                .scheduler(Scheduler.systemScheduler())
                .<String, Login>evictionListener((id, login, cause) -> ended(id)).build();
    }

    public StaffSessions(Duration idle) {
        this(idle, Ticker.systemTicker());
    }

    public Duration idle() {
        return idle;
    }

    /** A new log-in for {@code user} with {@code roles}, however they proved who they are (password or OIDC). */
    public Login create(String user, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a log-in needs at least one role");
        }
        Login l = new Login(Tokens.next(), user, roles, Tokens.next());
        cache.put(l.id(), l);
        return l;
    }

    /** The login for this cookie value, counting this as use (it restarts the idle clock). */
    public Optional<Login> find(String id) {
        return Tokens.wellFormed(id) ? Optional.ofNullable(cache.getIfPresent(id)) : Optional.empty();
    }

    /** The login, without counting as use: for the page's periodic "am I still logged in?" check. */
    public Optional<Login> peek(String id) {
        return Tokens.wellFormed(id) ? Optional.ofNullable(cache.policy().getIfPresentQuietly(id)) : Optional.empty();
    }

    /** Log-out: the login ends now, and whoever asked is told its id (its sockets are closed). */
    public void remove(String id) {
        if (id != null && cache.asMap().remove(id) != null) {
            ended(id);
        }
    }

    /** {@code listener} is told the id of every login that ends: {@link #remove}d, idle or crowded out. */
    public void onRemove(Consumer<String> listener) {
        removed.add(listener);
    }

    private void ended(String id) {
        removed.forEach(r -> r.accept(id));
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
