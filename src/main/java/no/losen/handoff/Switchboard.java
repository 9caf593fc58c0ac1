package no.losen.handoff;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One instance's hand-off: its {@link Desk}, the {@link Relay} every call goes through, and the
 * channels the desk's events go to. A person may come by the widget or by SMS and the counsellor
 * sees them in the same inbox, so there is one desk per instance and each channel adapter
 * {@linkplain #connect connects} its {@link Desk.Outbox}: every event goes to every adapter,
 * and each delivers only to the people and counsellors it holds (a ticket it does not know is
 * someone else's).
 */
public final class Switchboard implements Desk.Outbox {

    private final Desk desk;
    private final Relay relay;
    private final Clock clock;
    private final List<Desk.Outbox> channels = new CopyOnWriteArrayList<>();

    /**
     * @param relays makes the relay for this instance's desk: {@link Relay#local} for one instance,
     *               a Redis relay when instances share a store
     */
    public Switchboard(HandoffConfig config, Clock clock, Function<Desk, Relay> relays) {
        this.clock = clock;
        this.desk = new Desk(config, clock, this);
        this.relay = relays.apply(desk);
    }

    /** Sends the desk's events to {@code channel} too. */
    public void connect(Desk.Outbox channel) {
        channels.add(channel);
    }

    public Desk desk() {
        return desk;
    }

    /** How calls reach the desk; its instance id and state (a copy being fetched) are the relay's. */
    public Relay relay() {
        return relay;
    }

    public HandoffConfig config() {
        return desk.config();
    }

    /**
     * Whether "Talk to a person" is offered now: the desk's duty, but nobody on duty while the
     * relay cannot carry calls (Redis is away), so a person asking gets who answers around the
     * clock instead of an error. Every channel asks this, not the desk.
     */
    public Desk.Duty duty() {
        Desk.Duty d = desk.duty();
        return d == Desk.Duty.ON && !relay.connected() ? Desk.Duty.NOBODY : d;
    }

    /** Hands {@code call} to the relay; completes when this instance's desk applied it (see {@link Relay#submit}). */
    public CompletionStage<Void> submit(Call call) {
        return relay.submit(call);
    }

    /**
     * A shutdown: tells the other instances that this one's counsellors and people are gone
     * ({@link Call.Closing}; its sockets are closed by then, but their own calls may still be on
     * their way), then stops the relay. A refusal (Redis away) still stops it: the others then
     * learn it from the missing heartbeat.
     */
    public CompletionStage<Void> close() {
        return relay.submit(new Call.Closing(clock.instant(), relay.instance()))
                .handle((v, e) -> (Void) null)
                .thenCompose(v -> relay.close());
    }

    @Override
    public void toPerson(Event e) {
        channels.forEach(c -> c.toPerson(e));
    }

    @Override
    public void toCounsellor(String user, Event e) {
        channels.forEach(c -> c.toCounsellor(user, e));
    }

    @Override
    public void toCounsellors(Event e) {
        channels.forEach(c -> c.toCounsellors(e));
    }
}
