package no.losen.handoff;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How calls reach the desk. {@link #local} applies them at once (one instance, the memory
 * store). With several instances a relay carries each call to every instance's copy of the desk
 * in one order for all (the Redis relay, {@code no.losen.handoff.redis}); the stage completes
 * when the calling instance's copy has applied it, failed with the {@link HandoffException} it
 * was refused with.
 */
public interface Relay {

    CompletionStage<Void> submit(Call call);

    /** The name this instance's counsellors are counted under on every copy of the desk. */
    default String instance() {
        return Desk.LOCAL;
    }

    /**
     * Completes when this instance's copy of the desk is current: at once for one instance; with
     * several, once a starting (or resubscribed) instance has its copy or waited for one.
     */
    default CompletionStage<Void> current() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Whether calls can be carried now. While not, "Talk to a person" is not offered: a person
     * asking is given who answers around the clock instead of an error.
     */
    default boolean connected() {
        return true;
    }

    /** Stops carrying calls. */
    default CompletionStage<Void> close() {
        return CompletableFuture.completedFuture(null);
    }

    /** One instance: the desk applies each call on the caller's thread. */
    static Relay local(Desk desk) {
        return call -> {
            try {
                desk.apply(call);
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }
}
