package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.losen.handoff.Event.Reason;
import no.losen.handoff.Event.Side;
import no.losen.handoff.HandoffException.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk: a queue, a conversation taken by one counsellor, messages both ways, and nothing left after the end. */
class DeskTest {

    /** What the outbox was handed, as "to:event" lines the tests read. */
    record Sent(String to, Event event) {
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));   // a Monday, 11:00 in Oslo
    final HandoffConfig config = new HandoffConfig("Test Org", OpeningHours.parse("mon-fri 09:00-15:00", "", "Europe/Oslo"),
            Duration.ofMinutes(10), Duration.ofMinutes(30), HandoffConfig.ROUND_THE_CLOCK, 5, Duration.ofHours(24));
    final List<Sent> sent = new ArrayList<>();
    final Desk desk = new Desk(config, clock, recording(sent));

    /** An outbox that records every event in {@code into}, addressed "person", the counsellor, or "*". */
    static Desk.Outbox recording(List<Sent> into) {
        return new Desk.Outbox() {
            @Override
            public void toPerson(Event e) {
                into.add(new Sent("person", e));
            }

            @Override
            public void toCounsellor(String user, Event e) {
                into.add(new Sent(user, e));
            }

            @Override
            public void toCounsellors(Event e) {
                into.add(new Sent("*", e));
            }
        };
    }
    final List<PathStep> path = List.of(new PathStep("start", "health"), new PathStep("health", null));

    @BeforeEach
    void aCounsellorIsOnline() {
        desk.counsellorIn("kari");
        sent.clear();
    }

    <T extends Event> List<T> to(String who, Class<T> type) {
        return sent.stream().filter(s -> s.to().equals(who)).map(Sent::event).filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void onDutyOnlyWithinHoursAndWithACounsellorConnected() {
        assertThat(desk.duty()).isEqualTo(Desk.Duty.ON);
        desk.counsellorOut("kari");
        assertThat(desk.duty()).isEqualTo(Desk.Duty.NOBODY);
        desk.counsellorIn("kari");
        clock.advance(Duration.ofHours(6));   // 17:00 in Oslo
        assertThat(desk.duty()).isEqualTo(Desk.Duty.CLOSED);
        assertThatThrownBy(() -> desk.join("p1", "ar", "rights", path)).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.NOT_ON_DUTY);
        assertThat(new Desk(HandoffConfig.off(), clock, null).duty()).isEqualTo(Desk.Duty.OFF);
    }

    @Test
    void twoConnectionsOfOneCounsellorAreOneCounsellor() {
        desk.counsellorIn("kari");
        desk.counsellorOut("kari");
        assertThat(desk.duty()).isEqualTo(Desk.Duty.ON);
        desk.counsellorOut("kari");
        assertThat(desk.duty()).isEqualTo(Desk.Duty.NOBODY);
    }

    @Test
    void joiningGivesAPlaceAndShowsCounsellorsLanguageDialogAndPathButNoKey() {
        // A space is in no ticket (URL-safe Base64): "p1" was, by chance, in one.
        String key = "key of p1";
        String a = desk.join(key, "ar", "rights", path);
        String b = desk.join("p2", "uk", "rights", List.of());
        assertThat(a).isNotEqualTo(key).hasSize(22);
        assertThat(to("person", Event.Queued.class)).extracting(Event.Queued::ticket, Event.Queued::place)
                .contains(org.assertj.core.groups.Tuple.tuple(a, 1), org.assertj.core.groups.Tuple.tuple(b, 2));
        List<Event.Queue> queues = to("*", Event.Queue.class);
        Event.Queue last = queues.get(queues.size() - 1);
        assertThat(last.waiting()).extracting(Waiting::ticket).containsExactly(a, b);
        assertThat(last.waiting().get(0)).extracting(Waiting::lang, Waiting::dialog, Waiting::path)
                .containsExactly("ar", "rights", path);
        assertThat(last.waiting().toString()).doesNotContain(key);
        assertThat(desk.ticketOf(key)).contains(a);
    }

    @Test
    void aSessionJoinsOnce() {
        desk.join("p1", "ar", "rights", path);
        assertThatThrownBy(() -> desk.join("p1", "ar", "rights", path)).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.ALREADY);
    }

    @Test
    void exactlyOneCounsellorTakesAConversation() {
        desk.counsellorIn("ola");
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        assertThatThrownBy(() -> desk.accept(a, "ola")).extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.TAKEN);
        assertThat(to("person", Event.Accepted.class)).singleElement()
                .extracting(Event.Accepted::organisation, Event.Accepted::lang).containsExactly("Test Org", "ar");
        assertThat(to("kari", Event.Accepted.class)).hasSize(1);
        assertThat(desk.queue()).isEmpty();
        assertThat(desk.chatsOf("kari")).extracting(Waiting::ticket).containsExactly(a);
    }

    @Test
    void theOthersMoveUpWhenTheFirstIsAccepted() {
        String a = desk.join("p1", "ar", "rights", path);
        String b = desk.join("p2", "uk", "rights", path);
        sent.clear();
        desk.accept(a, "kari");
        assertThat(to("person", Event.Queued.class)).singleElement().extracting(Event.Queued::ticket, Event.Queued::place)
                .containsExactly(b, 1);
    }

    @Test
    void messagesGoBothWaysOnlyBetweenThePersonAndTheirCounsellor() {
        desk.counsellorIn("ola");
        String a = desk.join("p1", "ar", "rights", path);
        assertThatThrownBy(() -> desk.say(a, Side.PERSON, null, "hallo")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.FORBIDDEN);
        desk.accept(a, "kari");
        desk.say(a, Side.PERSON, null, "I need help");
        desk.say(a, Side.COUNSELLOR, "kari", "I am here");
        assertThatThrownBy(() -> desk.say(a, Side.COUNSELLOR, "ola", "me too")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.FORBIDDEN);
        assertThat(to("kari", Event.Said.class)).extracting(Event.Said::text).containsExactly("I need help");
        assertThat(to("person", Event.Said.class)).extracting(Event.Said::text).containsExactly("I am here");
        assertThat(to("ola", Event.Said.class)).isEmpty();
    }

    @Test
    void messagesAreLimitedInLengthAndRateOnBothSides() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        assertThatThrownBy(() -> desk.say(a, Side.PERSON, null, "x".repeat(Desk.MAX_TEXT + 1)))
                .extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.TOO_LONG);
        for (int i = 0; i < 5; i++) {
            desk.say(a, Side.PERSON, null, "m" + i);
            desk.say(a, Side.COUNSELLOR, "kari", "c" + i);
        }
        assertThatThrownBy(() -> desk.say(a, Side.PERSON, null, "one more")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.RATE_LIMITED);
        assertThatThrownBy(() -> desk.say(a, Side.COUNSELLOR, "kari", "one more")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(1));
        desk.say(a, Side.PERSON, null, "later");
    }

    @Test
    void leavingTheQueueDropsEverythingAndMovesOthersUp() {
        String a = desk.join("p1", "ar", "rights", path);
        String b = desk.join("p2", "uk", "rights", path);
        sent.clear();
        desk.leave(a);
        desk.leave(a);   // twice is fine
        assertThat(desk.ticketOf("p1")).isEmpty();
        assertThat(desk.queue()).extracting(Waiting::ticket).containsExactly(b);
        assertThat(to("person", Event.Queued.class)).extracting(Event.Queued::ticket, Event.Queued::place).contains(
                org.assertj.core.groups.Tuple.tuple(b, 1));
        assertThat(to("person", Event.Ended.class)).extracting(Event.Ended::reason).containsExactly(Reason.PERSON);
    }

    @Test
    void endingTellsBothSidesAndErases() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.end(a, "kari");
        assertThat(to("person", Event.Ended.class)).extracting(Event.Ended::reason).containsExactly(Reason.COUNSELLOR);
        assertThat(to("kari", Event.Ended.class)).extracting(Event.Ended::reason).containsExactly(Reason.COUNSELLOR);
        assertThat(desk.size()).isZero();
        assertThatThrownBy(() -> desk.say(a, Side.PERSON, null, "hello?")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.GONE);
        // the same session may ask again
        desk.join("p1", "ar", "rights", path);
    }

    @Test
    void handingBackSendsThePersonToTheNodeAndEnds() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        assertThatThrownBy(() -> desk.handBack(a, "ola", "health")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.FORBIDDEN);
        desk.handBack(a, "kari", "health");
        assertThat(to("person", Event.HandedBack.class)).singleElement()
                .extracting(Event.HandedBack::dialog, Event.HandedBack::node).containsExactly("rights", "health");
        assertThat(to("kari", Event.Ended.class)).extracting(Event.Ended::reason).containsExactly(Reason.HANDED_BACK);
        assertThat(desk.size()).isZero();
    }

    @Test
    void aBlockedSessionCannotJoinAgainUntilTheBlockEnds() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.block(a, "kari");
        assertThat(to("person", Event.Ended.class)).extracting(Event.Ended::reason).containsExactly(Reason.BLOCKED);
        assertThatThrownBy(() -> desk.join("p1", "ar", "rights", path)).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.BLOCKED);
        clock.advance(Duration.ofHours(24));
        desk.sweep();
        desk.counsellorIn("kari");
        clock.advance(Duration.ofDays(-1));   // back within hours
        desk.join("p1", "ar", "rights", path);
    }

    @Test
    void nobodyAnsweringInTimeEndsTheWaitWithNoAnswer() {
        String a = desk.join("p1", "ar", "rights", path);
        clock.advance(Duration.ofMinutes(9));
        desk.sweep();
        assertThat(desk.ticketOf("p1")).contains(a);
        clock.advance(Duration.ofMinutes(1));
        desk.sweep();
        assertThat(to("person", Event.Ended.class)).extracting(Event.Ended::reason).containsExactly(Reason.NO_ANSWER);
        assertThat(desk.size()).isZero();
    }

    @Test
    void aSilentConversationEndsAtTheIdleTime() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        clock.advance(Duration.ofMinutes(20));
        desk.say(a, Side.PERSON, null, "still here");
        clock.advance(Duration.ofMinutes(29));
        desk.sweep();
        assertThat(desk.size()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        desk.sweep();
        assertThat(to("kari", Event.Ended.class)).extracting(Event.Ended::reason).containsExactly(Reason.IDLE);
        assertThat(desk.size()).isZero();
    }

    @Test
    void aCounsellorWhoReconnectsGetsTheirConversationsBack() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.counsellorOut("kari");
        sent.clear();
        desk.counsellorIn("kari");
        assertThat(to("kari", Event.Accepted.class)).extracting(Event.Accepted::ticket).containsExactly(a);
        assertThat(to("kari", Event.Queue.class)).hasSize(1);
    }

    @Test
    void aPersonWhoReconnectsIsToldWhereTheyStand() {
        String a = desk.join("p1", "ar", "rights", path);
        sent.clear();
        desk.repeat(a);
        assertThat(to("person", Event.Queued.class)).singleElement().extracting(Event.Queued::place).isEqualTo(1);
        desk.accept(a, "kari");
        sent.clear();
        desk.repeat(a);
        assertThat(to("person", Event.Accepted.class)).hasSize(1);
    }

    @Test
    void aCallIsAppliedAsOfTheTimeItWasMadeSoEveryCopyDecidesAlike() {
        // Two copies of the desk, as on two instances; the second gets the calls a minute late.
        MutableClock late = new MutableClock(clock.instant().plus(Duration.ofMinutes(1)));
        Desk copy = new Desk(config, late, new Desk.Outbox() {
            @Override
            public void toPerson(Event e) {
            }

            @Override
            public void toCounsellor(String user, Event e) {
            }

            @Override
            public void toCounsellors(Event e) {
            }
        });
        java.time.Instant t = clock.instant();
        List<Call> calls = List.of(new Call.CounsellorIn(t, "a", "kari"),
                new Call.Join(t, "ticket-1", "p1", null, "ar", "rights", path, Waiting.WEB),
                new Call.Accept(t.plusSeconds(1), "ticket-1", "kari"));
        calls.forEach(desk::apply);
        calls.forEach(copy::apply);
        for (int i = 0; i < 5; i++) {
            Call say = new Call.Say(t.plusSeconds(2 + i), "ticket-1", Side.PERSON, null, "m" + i);
            desk.apply(say);
            copy.apply(say);
        }
        // The sixth message within the same minute is refused by both, though the copy's clock is a minute on.
        Call sixth = new Call.Say(t.plusSeconds(10), "ticket-1", Side.PERSON, null, "m5");
        assertThatThrownBy(() -> desk.apply(sixth)).extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.RATE_LIMITED);
        assertThatThrownBy(() -> copy.apply(sixth)).extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.RATE_LIMITED);
        assertThat(copy.chatsOf("kari")).extracting(Waiting::ticket).containsExactly("ticket-1");
        assertThat(copy.chatsOf("kari").get(0).since()).isEqualTo(t);
    }

    // --- presence across instances -------------------------------------------------------------

    @Test
    void aCounsellorOnAnInstanceThatFallsSilentStopsCountingAfterThePresenceTime() {
        desk.counsellorOut("kari");
        desk.counsellorIn("b", "ola");
        desk.present("b", java.util.Map.of("ola", 1));
        assertThat(desk.duty()).isEqualTo(Desk.Duty.ON);
        clock.advance(Desk.PRESENCE_TTL.minusSeconds(1));
        desk.sweep();
        assertThat(desk.duty()).as("heard from within the presence time").isEqualTo(Desk.Duty.ON);
        clock.advance(Duration.ofSeconds(1));
        desk.sweep();
        assertThat(desk.duty()).as("instance b died without saying goodbye").isEqualTo(Desk.Duty.NOBODY);
    }

    @Test
    void aHeartbeatReplacesWhatThisCopyThoughtAnInstanceHolds() {
        desk.counsellorIn("b", "ola");
        desk.counsellorIn("b", "ola");
        desk.present("b", java.util.Map.of());
        desk.counsellorOut("kari");
        assertThat(desk.duty()).as("b's beat says it holds nobody, whatever in/out were missed").isEqualTo(Desk.Duty.NOBODY);
        desk.present("b", java.util.Map.of("ola", 1));
        assertThat(desk.duty()).isEqualTo(Desk.Duty.ON);
    }

    @Test
    void aSingleInstanceWithoutHeartbeatsNeverExpiresItsCounsellors() {
        clock.advance(Duration.ofHours(1));
        desk.sweep();
        assertThat(desk.duty()).isEqualTo(Desk.Duty.ON);
    }

    // --- the case note ---------------------------------------------------------------------------

    @Test
    void theCaseNoteGoesToTheCounsellorOnlyComesBackOnReconnectAndIsDroppedWithTheTicket() {
        String t = desk.join("p1", "ar", "rights", path);
        desk.accept(t, "kari");
        sent.clear();
        desk.note(t, "kari", "  follow up on housing rights  ");
        assertThat(to("kari", Event.Noted.class)).extracting(Event.Noted::note).containsExactly("follow up on housing rights");
        assertThat(to("person", Event.class)).isEmpty();
        sent.clear();
        desk.counsellorOut("kari");
        desk.counsellorIn("kari");
        assertThat(to("kari", Event.Accepted.class)).extracting(Event.Accepted::note).containsExactly("follow up on housing rights");
        desk.end(t, "kari");
        assertThat(desk.snapshot().held()).isEmpty();
    }

    @Test
    void onlyTheCounsellorWhoTookItMayWriteTheNoteAndOnlyShortly() {
        String t = desk.join("p1", "ar", "rights", path);
        desk.counsellorIn("ola");
        desk.accept(t, "kari");
        assertThatThrownBy(() -> desk.note(t, "ola", "x")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.FORBIDDEN);
        assertThatThrownBy(() -> desk.note(t, "kari", "x".repeat(Desk.MAX_NOTE + 1)))
                .extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.TOO_LONG);
        desk.note(t, "kari", "x".repeat(Desk.MAX_NOTE));
        desk.note(t, "kari", " ");
        assertThat(desk.snapshot().held().get(0).note()).as("blank clears it").isNull();
    }

    // --- a copy for a new instance -----------------------------------------------------------------

    @Test
    void aCopyRestoredElsewhereDecidesAsTheOriginal() {
        String waiting = desk.join("p1", "ar", "rights", path);
        String talking = desk.join("p2", "uk", "rights", path);
        desk.accept(talking, "kari");
        desk.note(talking, "kari", "call back tomorrow");
        for (int i = 0; i < 5; i++) {
            desk.say(talking, Side.PERSON, null, "m" + i);
        }
        List<Sent> there = new ArrayList<>();
        Desk copy = new Desk(config, clock, recording(there));
        copy.restore(desk.snapshot());
        assertThat(copy.queue()).extracting(Waiting::ticket).containsExactly(waiting);
        assertThat(copy.chatsOf("kari")).extracting(Waiting::ticket).containsExactly(talking);
        assertThat(copy.ticketOf("p1")).contains(waiting);
        assertThat(copy.duty()).as("kari's connection on the other instance counts here").isEqualTo(Desk.Duty.ON);
        // The person's limit carried over: the sixth message of the minute is refused here too.
        assertThatThrownBy(() -> copy.say(talking, Side.PERSON, null, "m5")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.RATE_LIMITED);
        assertThat(there).extracting(Sent::event).filteredOn(Event.Accepted.class::isInstance)
                .extracting(e -> ((Event.Accepted) e).note()).containsExactly("call back tomorrow");
        assertThatThrownBy(() -> copy.join("p2", "uk", "rights", path)).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.ALREADY);
    }

    // --- a side without a socket: refused, not lost ------------------------------------------------

    @Test
    void aPersonsMessageWhileTheCounsellorHasNoConnectionIsRefusedNotLost() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.counsellorOut("kari");
        sent.clear();
        assertThatThrownBy(() -> desk.say(a, Side.PERSON, null, "hello?")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.AWAY);
        assertThat(sent).isEmpty();
        desk.counsellorIn("kari");
        desk.say(a, Side.PERSON, null, "hello?");
        assertThat(to("kari", Event.Said.class)).extracting(Event.Said::text).containsExactly("hello?");
    }

    @Test
    void aCounsellorsMessageWhileThePersonHasNoSocketIsRefusedUntilTheyAreBack() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.personIn("a", a);
        desk.personOut("b", a);
        desk.say(a, Side.COUNSELLOR, "kari", "a socket closing on another instance changes nothing");
        desk.personOut("a", a);
        assertThatThrownBy(() -> desk.say(a, Side.COUNSELLOR, "kari", "are you there?"))
                .extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.AWAY);
        desk.personIn("b", a);
        desk.say(a, Side.COUNSELLOR, "kari", "are you there?");
        assertThat(to("person", Event.Said.class)).hasSize(2);
    }

    @Test
    void theFirstInstanceHeardFromSpeaksForTheDeskSoEachEndIsLoggedOnce() {
        assertThat(desk.speaksFor("any")).as("one instance: it speaks").isTrue();
        desk.present("b", java.util.Map.of());
        desk.present("a", java.util.Map.of());
        assertThat(desk.speaksFor("a")).isTrue();
        assertThat(desk.speaksFor("b")).isFalse();
        desk.instanceClosed("a");
        assertThat(desk.speaksFor("b")).isTrue();
    }

    @Test
    void aLivingInstanceTakenForGoneComesBackWithItsNextBeatAndThePeopleAreToldSomeoneReads() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.present("i1", java.util.Map.of("kari", 1), List.of());
        desk.counsellorOut("kari");   // her connection on this instance; the one on i1 stays
        desk.accept(a, "kari");
        clock.advance(Desk.PRESENCE_TTL);   // Redis slow: no beat arrived in time
        sent.clear();
        desk.sweep();
        assertThat(to("person", Event.Away.class)).extracting(Event.Away::ticket).containsExactly(a);
        desk.present("i1", java.util.Map.of("kari", 1), List.of());
        assertThat(to("person", Event.Accepted.class)).extracting(Event.Accepted::ticket).containsExactly(a);
        desk.say(a, Side.PERSON, null, "hello?");
        assertThat(to("kari", Event.Said.class)).extracting(Event.Said::text).containsExactly("hello?");
    }

    @Test
    void aCounsellorsMessageCarriesTheirIdToThePersonAndItsDeliveryIsToldToThemAlone() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        sent.clear();
        desk.say(a, Side.COUNSELLOR, "kari", "I am here", false, "m1");
        assertThat(to("person", Event.Said.class)).extracting(Event.Said::id).containsExactly("m1");
        desk.delivered(a, "m1");
        assertThat(to("kari", Event.Delivered.class)).extracting(Event.Delivered::id).containsExactly("m1");
        desk.say(a, Side.PERSON, null, "thanks", false, "forged");
        assertThat(to("kari", Event.Said.class)).extracting(Event.Said::id).as("a person's message has no id")
                .containsOnlyNulls();
        desk.leave(a);
        sent.clear();
        desk.delivered(a, "m1");
        assertThat(sent).as("ended meanwhile: nothing to mark").isEmpty();
    }

    @Test
    void anInstanceThatClosesTakesItsPeopleAndCounsellorsWithItAtOnce() {
        String a = desk.join("p1", "ar", "rights", path);
        String b = desk.join("p2", "uk", "rights", path);
        desk.counsellorIn("i1", "kari");
        desk.counsellorIn("i2", "ola");
        desk.accept(a, "kari");
        desk.accept(b, "ola");
        desk.personIn("i2", a);
        desk.personIn("i1", b);
        sent.clear();

        desk.instanceClosed("i2");

        assertThatThrownBy(() -> desk.say(a, Side.COUNSELLOR, "kari", "are you there?"))
                .extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.AWAY);
        assertThat(to("kari", Event.Presence.class)).extracting(Event.Presence::connected).containsExactly(false);
        assertThat(to("person", Event.Away.class)).as("ola's person is told nobody reads now")
                .extracting(Event.Away::ticket).containsExactly(b);
        assertThatThrownBy(() -> desk.say(b, Side.PERSON, null, "hello?"))
                .extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.AWAY);
        desk.personIn("i3", a);   // the person reconnects to another instance
        desk.say(a, Side.COUNSELLOR, "kari", "are you there?");
        assertThat(desk.size()).isEqualTo(2);
    }

    @Test
    void aPersonWhoseInstanceFallsSilentIsAwayAfterThePresenceTime() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.present("b", java.util.Map.of(), List.of(a));
        clock.advance(Desk.PRESENCE_TTL);
        desk.sweep();
        assertThatThrownBy(() -> desk.say(a, Side.COUNSELLOR, "kari", "are you there?"))
                .extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.AWAY);
        assertThat(desk.size()).as("the talk itself waits for the person's reconnect, or the idle time").isEqualTo(1);
    }

    @Test
    void aRestoredCopyKeepsItsOwnCounsellorsAndForgetsItsStaleViewOfTheOthers() {
        Desk copy = new Desk(config, clock, new Desk.Outbox() {
            @Override
            public void toPerson(Event e) {
            }

            @Override
            public void toCounsellor(String user, Event e) {
            }

            @Override
            public void toCounsellors(Event e) {
            }
        });
        copy.counsellorIn("c", "ola");
        copy.present("gone", java.util.Map.of("per", 1));
        desk.counsellorOut("kari");
        copy.restore(desk.snapshot(), "c");
        assertThat(copy.duty()).as("ola's connection on this instance").isEqualTo(Desk.Duty.ON);
        copy.counsellorOut("c", "ola");
        assertThat(copy.duty()).as("the stale 'gone' instance did not survive the copy").isEqualTo(Desk.Duty.NOBODY);
    }

    @Test
    void whenTheCounsellorIsGoneThePersonIsToldAtOnceAndTheirMessagesAreRefusedUntilTheCounsellorIsBack() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.counsellorIn("kari");   // a second tab
        sent.clear();
        desk.counsellorOut("kari");
        assertThat(to("person", Event.Away.class)).isEmpty();   // one tab is still open
        desk.counsellorOut("kari");
        assertThat(to("person", Event.Away.class)).singleElement().extracting(Event.Away::ticket).isEqualTo(a);
        assertThatThrownBy(() -> desk.say(a, Side.PERSON, null, "hallo?")).extracting(e -> ((HandoffException) e).problem())
                .isEqualTo(Problem.AWAY);
        assertThat(to("kari", Event.Said.class)).isEmpty();
        sent.clear();
        desk.repeat(a);   // the person reconnects meanwhile: still nobody reads
        assertThat(to("person", Event.Away.class)).hasSize(1);
        assertThat(to("person", Event.Accepted.class)).isEmpty();
        sent.clear();
        desk.counsellorIn("kari");
        assertThat(to("person", Event.Accepted.class)).singleElement().extracting(Event.Accepted::ticket).isEqualTo(a);
        desk.say(a, Side.PERSON, null, "hallo?");
        assertThat(to("kari", Event.Said.class)).extracting(Event.Said::text).containsExactly("hallo?");
    }

    @Test
    void aWaitingPersonWhoseConnectionStaysGonePastTheGraceLeavesTheQueue() {
        String a = desk.join("p1", "ar", "rights", path);
        String b = desk.join("p2", "uk", "rights", path);
        desk.personIn("i1", a);
        desk.personIn("i1", b);
        sent.clear();
        desk.personOut("i1", a);
        assertThat(desk.queue()).extracting(Waiting::away).containsExactly(true, false);
        assertThat(to("*", Event.Queue.class)).hasSize(1);
        clock.advance(Desk.GRACE.minusSeconds(1));
        assertThat(desk.sweep()).isEmpty();
        desk.personIn("i2", a);   // back in time, on another instance: keeps the place
        desk.personOut("i1", b);
        clock.advance(Desk.GRACE);
        assertThat(desk.sweep()).containsExactly(Reason.GONE);
        assertThat(desk.queue()).extracting(Waiting::ticket).containsExactly(a);
        assertThat(desk.ticketOf("p2")).isEmpty();
    }

    @Test
    void theCounsellorSeesWhenTheirPersonsConnectionGoesAndComesBack() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.personIn("i1", a);
        sent.clear();
        desk.personOut("i1", a);
        desk.personOut("i1", a);   // told once
        desk.personIn("i1", a);
        assertThat(to("kari", Event.Presence.class)).extracting(Event.Presence::connected).containsExactly(false, true);
        clock.advance(Desk.GRACE.multipliedBy(2));
        desk.sweep();
        assertThat(desk.chatsOf("kari")).hasSize(1);   // a talk is not ended by the grace, only by the idle time
    }

    @Test
    void oneAddressMayHaveOnlyAFewPeopleWaitingAtOnce() {
        for (int i = 0; i < Desk.MAX_WAITING_PER_ADDRESS; i++) {
            desk.join("t" + i, "p" + i, "10.0.0.1", "ar", "rights", path);
        }
        assertThatThrownBy(() -> desk.join("t9", "p9", "10.0.0.1", "ar", "rights", path))
                .extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.CROWDED);
        desk.join("u1", "q1", "10.0.0.2", "ar", "rights", path);   // another address is not affected
        desk.accept("t0", "kari");   // one of them is talking now, no longer waiting
        desk.join("t9", "p9", "10.0.0.1", "ar", "rights", path);
        assertThat(desk.queue()).extracting(Waiting::ticket).containsExactly("t1", "t2", "u1", "t9");
    }

    @Test
    void aLanguageSwitchReachesTheCounsellorAndTheCardsFollowIt() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.lang(a, "uk");
        assertThat(desk.queue()).extracting(Waiting::lang).containsExactly("uk");
        desk.accept(a, "kari");
        desk.lang(a, "ru");
        sent.clear();
        desk.card(a, "kari", "rosa");
        assertThat(to("person", Event.Card.class)).singleElement().extracting(c -> c.who().lang()).isEqualTo("ru");
        sent.clear();
        desk.lang(a, "en");
        assertThat(to("kari", Event.Accepted.class)).singleElement().extracting(Event.Accepted::lang).isEqualTo("en");
    }

    @Test
    void aMessageReadAsDangerReachesTheCounsellorFlaggedButOnlyFromThePerson() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        desk.say(a, Side.PERSON, null, "he is at the door with a knife", true);
        desk.say(a, Side.COUNSELLOR, "kari", "call 112", true);
        assertThat(to("kari", Event.Said.class)).singleElement().extracting(Event.Said::danger).isEqualTo(true);
        assertThat(to("person", Event.Said.class)).singleElement().extracting(Event.Said::danger).isEqualTo(false);
    }

    @Test
    void theLengthLimitCountsCharactersAsAPersonCountsThem() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        String emoji = "\uD83D\uDE00";   // one character, two UTF-16 units
        desk.say(a, Side.PERSON, null, emoji.repeat(Desk.MAX_TEXT));
        assertThatThrownBy(() -> desk.say(a, Side.PERSON, null, emoji.repeat(Desk.MAX_TEXT + 1)))
                .extracting(e -> ((HandoffException) e).problem()).isEqualTo(Problem.TOO_LONG);
    }

    @Test
    void aBlockedSessionIsKnownAsBlockedUntilTheBlockEnds() {
        String a = desk.join("p1", "ar", "rights", path);
        desk.accept(a, "kari");
        assertThat(desk.blocked("p1")).isFalse();
        desk.block(a, "kari");
        assertThat(desk.blocked("p1")).isTrue();
        assertThat(desk.blocked("p2")).isFalse();
        clock.advance(config.blockFor());
        assertThat(desk.blocked("p1")).isFalse();
    }
}
