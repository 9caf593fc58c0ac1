package no.losen.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.server.Config;
import no.losen.server.Operations;
import no.losen.server.TestServer;
import no.losen.session.RedisServer;
import no.losen.staff.Role;
import no.losen.staff.StaffAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/handoff.md promises when something fails mid-talk, each with two real instances and a
 * real redis-server started for the test: an instance restarts (the person's, the counsellor's),
 * an instance starts while people wait, an instance dies without saying goodbye, Redis goes away
 * (killed, or frozen) and comes back, a counsellor reconnects.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HandoffFailureTest {

    static final String PASSWORD = "correct horse battery";

    /** The people's and counsellors' browsers: not inside any instance, so they outlive a restart. */
    static final io.vertx.core.Vertx CLIENTS = io.vertx.core.Vertx.vertx();

    @TempDir
    Path tmp;
    Path users;
    RedisServer redis;
    TestServer a;
    TestServer b;

    @BeforeEach
    void up() throws Exception {
        redis = RedisServer.startOrSkip();
        users = tmp.resolve("users");
        StaffAccounts.put(users, "kari", StaffAccounts.hash(PASSWORD.toCharArray(), 4), EnumSet.of(Role.COUNSELLOR));
        a = instance();
        b = instance();
    }

    TestServer instance() {
        HandoffConfig handoff = no.losen.Fixtures.openDesk();
        return new TestServer(Config.defaults().withPort(0).withContent(Fixtures.BASIC).withStaff(users, Duration.ofMinutes(20))
                .withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED).withHandoff(handoff)
                .withOps(Operations.DEFAULT.withSessionStore(redis.uri())));
    }

    @AfterEach
    void down() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }

    /** A person in the demo dialog in Arabic; {@code token} is their session's, for a resume. */
    record Person(Ws ws, String token) {
    }

    static Person person(TestServer s) throws InterruptedException {
        Ws p = Ws.open(CLIENTS, s, null);
        p.send("start", "dialog", "demo", "lang", "ar");
        String token = p.next("session").getString("token");
        p.next("message");
        return new Person(p, token);
    }

    static Ws counsellor(TestServer s) throws Exception {
        Ws k = Ws.open(CLIENTS, s, Ws.login(s, "kari", PASSWORD));
        k.send("inbox", "lang", "en");
        return k;
    }

    /** A person on {@code ps} talking to kari on {@code ks}; the ticket. */
    static String talking(Person p, Ws kari) throws InterruptedException {
        kari.next("inbox.queue");
        p.ws().send("choose", "choice", "adult");
        p.ws().send("talk").talk("waiting");
        String ticket = kari.queueOf(1).getJsonObject(0).getString("ticket");
        kari.send("inbox.accept", "ticket", ticket);
        kari.next("inbox.chat");
        p.ws().talk("talking");
        return ticket;
    }

    /** What a person who opens the widget on {@code s} now is offered: "on" or "closed". */
    static String offer(TestServer s) throws InterruptedException {
        try (Ws p = Ws.open(s, null)) {
            p.send("start", "dialog", "demo", "lang", "nb");
            return p.next("message").getString("talk");
        }
    }

    @Test
    void thePersonsInstanceRestartsMidTalkAndTheyResumeOnTheNewOneWhichKnowsTheTalk() throws Exception {
        Person p = person(a);
        try (Ws kari = counsellor(b)) {
            String ticket = talking(p, kari);
            kari.send("inbox.note", "ticket", ticket, "text", "asked about health care");
            kari.next("inbox.note");

            a.close();
            a = null;
            // The person is told to reconnect (1012); nothing of the talk was on the instance alone.
            assertThat(p.ws().closedWith(30)).isEqualTo((short) 1012);
            // Between sockets the person cannot be written to: the counsellor is told, the message is not kept.
            assertThat(refusedWithin(kari, () -> kari.send("inbox.say", "ticket", ticket, "text", "are you there?")))
                    .isEqualTo("away");
            a = instance();   // the restarted instance: it asks the running one for its copy of the desk

            try (Ws again = Ws.open(CLIENTS, a, null)) {
                again.send("resume", "token", p.token());
                assertThat(again.talk("talking").getString("organisation")).isEqualTo("Test Org");
                again.send("talk.say", "text", "أنا هنا مرة أخرى");
                assertThat(kari.next("inbox.message").getString("text")).isEqualTo("أنا هنا مرة أخرى");
                kari.send("inbox.say", "ticket", ticket, "text", "Good, I am still here");
                assertThat(again.next("talk.message").getString("text")).isEqualTo("Good, I am still here");
                again.send("talk.leave");
                assertThat(kari.next("inbox.ended").getString("reason")).isEqualTo("person");
            }
        } finally {
            p.ws().close();
        }
    }

    @Test
    void theCounsellorsInstanceRestartsAndTheyGetTheirTalkAndNoteBackOnAnother() throws Exception {
        Person p = person(a);
        try (Ws kari = counsellor(b)) {
            String ticket = talking(p, kari);
            kari.send("inbox.note", "ticket", ticket, "text", "asked about health care");
            kari.next("inbox.note");

            b.close();
            b = null;
            assertThat(kari.closedWith(30)).isEqualTo((short) 1012);
            // The counsellor's connection closed with its instance: the talk stays, and what the person
            // writes meanwhile is refused (they are told to write again), not silently lost.
            assertThat(notSentWithin(p.ws(), () -> p.ws().send("talk.say", "text", "hello? anyone?")))
                    .as("told it was not delivered, with the contacts").isTrue();
            try (Ws back = counsellor(a)) {
                JsonObject chat = back.next("inbox.chat");
                assertThat(chat.getString("ticket")).isEqualTo(ticket);
                assertThat(chat.getString("note")).isEqualTo("asked about health care");
                p.ws().send("talk.say", "text", "hello?");
                assertThat(back.next("inbox.message").getString("text")).isEqualTo("hello?");
                back.send("inbox.end", "ticket", ticket);
                assertThat(p.ws().talk("ended").getString("reason")).isEqualTo("counsellor");
            }
        } finally {
            p.ws().close();
        }
    }

    @Test
    void anInstanceThatStartsWhilePeopleWaitKnowsThem() throws Exception {
        try (Ws kari = counsellor(b)) {
            kari.next("inbox.queue");
            Person p = person(a);
            p.ws().send("talk").talk("waiting");
            String ticket = kari.queueOf(1).getJsonObject(0).getString("ticket");

            try (TestServer c = instance(); Ws kariOnC = counsellor(c)) {
                // Before the copy, a new instance's queue was empty until the next change.
                assertThat(kariOnC.queueOf(1).getJsonObject(0).getString("ticket")).isEqualTo(ticket);
                kariOnC.send("inbox.accept", "ticket", ticket);
                assertThat(kariOnC.next("inbox.chat").getString("ticket")).isEqualTo(ticket);
                assertThat(p.ws().talk("talking").getString("lang")).isEqualTo("ar");
            } finally {
                p.ws().close();
            }
        }
    }

    @Test
    void aCounsellorOnAnInstanceThatDiesWithoutGoodbyeStopsCountingWithinThePresenceTime() throws Exception {
        assertThat(offer(a)).isEqualTo("closed");
        // What a killed instance leaves on the channel: its counsellor came in and it beat once, then silence.
        Redis r = Redis.createClient(CLIENTS, redis.uri());
        try {
            Instant now = Instant.now();
            r.send(Request.cmd(Command.PUBLISH).arg("losen:handoff").arg(new JsonObject().put("id", "ghost:1")
                    .put("call", new JsonObject().put("call", "in").put("at", now.toString()).put("instance", "ghost")
                            .put("user", "ola")).encode())).await();
            r.send(Request.cmd(Command.PUBLISH).arg("losen:handoff").arg(new JsonObject().put("id", "ghost:2")
                    .put("call", new JsonObject().put("call", "present").put("at", now.toString()).put("instance", "ghost")
                            .put("users", new JsonObject().put("ola", 1))).encode())).await();
        } finally {
            r.close();
        }
        assertThat(until(() -> offer(a), "on", 5)).isEqualTo("on");
        assertThat(until(() -> offer(b), "on", 5)).isEqualTo("on");
        long start = System.nanoTime();
        // PRESENCE_TTL after the last beat, found by the next sweep (every 5 s).
        assertThat(until(() -> offer(a), "closed", 45)).isEqualTo("closed");
        assertThat(until(() -> offer(b), "closed", 10)).isEqualTo("closed");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(seconds).isBetween(Desk.PRESENCE_TTL.toSeconds() - 10, Desk.PRESENCE_TTL.toSeconds() + 10);
    }

    /** Publishes {@code call} on the relay's channel as instance "ghost" would (a killed instance says nothing more). */
    void asGhost(String id, JsonObject call) throws Exception {
        Redis r = Redis.createClient(CLIENTS, redis.uri());
        try {
            r.send(Request.cmd(Command.PUBLISH).arg("losen:handoff").arg(new JsonObject().put("id", "ghost:" + id)
                    .put("call", call).encode())).await();
        } finally {
            r.close();
        }
    }

    @Test
    void aMessageToAPersonWhoseInstanceWasKilledIsNeverMarkedDeliveredAndIsRefusedOnceItIsTakenForGone() throws Exception {
        try (Ws kari = counsellor(b)) {
            kari.next("inbox.queue");
            // A person joined through instance "ghost", which beat once and was then killed (kill -9).
            String now = Instant.now().toString();
            asGhost("1", new JsonObject().put("call", "join").put("at", now).put("ticket", "t-ghost").put("personKey", "k-ghost")
                    .put("lang", "ar").put("dialog", "demo").put("path", new io.vertx.core.json.JsonArray()).put("channel", "web"));
            asGhost("2", new JsonObject().put("call", "person_in").put("at", now).put("instance", "ghost").put("ticket", "t-ghost"));
            asGhost("3", new JsonObject().put("call", "present").put("at", now).put("instance", "ghost")
                    .put("users", new JsonObject()).put("persons", new io.vertx.core.json.JsonArray().add("t-ghost")));
            kari.queueOf(1);
            kari.send("inbox.accept", "ticket", "t-ghost");
            kari.next("inbox.chat");

            kari.send("inbox.say", "ticket", "t-ghost", "text", "Call 112 now", "id", "k-1");
            // Nobody holds the person's socket any more: no delivery mark comes back (the console says so after 5 s).
            JsonObject f = kari.frames().poll(2, TimeUnit.SECONDS);
            while (f != null && !"inbox.delivered".equals(f.getString("type"))) {
                f = kari.frames().poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(f).as("no delivery mark for a message nobody received").isNull();
            // Within the presence time the desk takes the instance for gone: the person is away, and refused, not lost.
            assertThat(kari.nextWithin("inbox.presence", (int) Desk.PRESENCE_TTL.toSeconds() + 3).getBoolean("connected"))
                    .isFalse();
            assertThat(refusedWithin(kari, () -> kari.send("inbox.say", "ticket", "t-ghost", "text", "Are you there?")))
                    .isEqualTo("away");
            kari.send("inbox.end", "ticket", "t-ghost");
        }
    }

    @Test
    void aLivingInstancesCounsellorStaysCountedPastThePresenceTime() throws Exception {
        try (Ws kari = counsellor(b)) {
            kari.next("inbox.queue");
            assertThat(until(() -> offer(a), "on", 5)).isEqualTo("on");
            Thread.sleep(Desk.PRESENCE_TTL.plusSeconds(6).toMillis());
            assertThat(offer(a)).as("b's heartbeat keeps kari counted on a").isEqualTo("on");
        }
    }

    @Test
    void redisKilledMidTalkRefusesWithUnavailableAndTheTalkGoesOnWhenItIsBack() throws Exception {
        Person p = person(a);
        try (Ws kari = counsellor(b)) {
            String ticket = talking(p, kari);
            redis.stop();
            p.ws().send("talk.say", "text", "is anyone there?");
            assertThat(p.ws().next("error").getString("code")).isEqualTo("unavailable");
            kari.send("inbox.say", "ticket", ticket, "text", "I am here");
            assertThat(kari.nextOf("error").getString("code")).isEqualTo("unavailable");

            redis.start();   // empty, on the same port: nothing was kept there, nothing is missing
            // Both relays resubscribe (back-off up to 5 s) and the talk is where it was on both copies.
            JsonObject got = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (got == null && System.nanoTime() < end) {
                kari.send("inbox.say", "ticket", ticket, "text", "back again");
                JsonObject f = p.ws().frames().poll(1500, TimeUnit.MILLISECONDS);
                while (f != null && !"talk.message".equals(f.getString("type"))) {
                    f = p.ws().frames().poll(200, TimeUnit.MILLISECONDS);
                }
                got = f;
            }
            assertThat(got).as("the counsellor's message reaches the person after Redis is back").isNotNull();
            assertThat(got.getString("text")).isEqualTo("back again");
            p.ws().send("talk.say", "text", "thank you");
            assertThat(kari.next("inbox.message").getString("text")).isEqualTo("thank you");
        } finally {
            p.ws().close();
        }
    }

    @Test
    void redisFrozenMidTalkTimesOutWithUnavailableAndTheTalkGoesOnAfterwards() throws Exception {
        Person p = person(a);
        try (Ws kari = counsellor(b)) {
            String ticket = talking(p, kari);
            redis.freeze();
            long start = System.nanoTime();
            p.ws().send("talk.say", "text", "is anyone there?");
            JsonObject refused = p.ws().nextWithin("error", 10);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(refused.getString("code")).isEqualTo("unavailable");
            // Told within the session store's wait (2 s, the message's danger check reads the session)
            // or the relay's (5 s), not left hanging.
            assertThat(waited).as("told within the store's or the relay's wait").isBetween(1_500L, 9_000L);
            redis.thaw();
            kari.send("inbox.say", "ticket", ticket, "text", "still here");
            assertThat(p.ws().next("talk.message").getString("text")).isEqualTo("still here");
        } finally {
            p.ws().close();
        }
    }

    @Test
    void aCounsellorWhoReconnectsToTheSameInstanceGetsTheirTalkBack() throws Exception {
        Person p = person(a);
        String cookie = Ws.login(b, "kari", PASSWORD);
        Ws kari = Ws.open(b, cookie);
        kari.send("inbox", "lang", "nb");
        String ticket = talking(p, kari);
        kari.close();
        try (Ws again = Ws.open(b, cookie)) {
            again.send("inbox", "lang", "nb");
            assertThat(again.next("inbox.chat").getString("ticket")).isEqualTo(ticket);
            p.ws().send("talk.say", "text", "hello?");
            assertThat(again.next("inbox.message").getString("text")).isEqualTo("hello?");
        } finally {
            p.ws().close();
        }
    }

    /**
     * The error code {@code sender} gets for what {@code send} sends, trying again each second for
     * up to 5 s: the closing socket's instance announces it over Redis, so a message sent in the
     * same instant may still go out before every copy knows (and is then lost, as docs/handoff.md says).
     */
    static String refusedWithin(Ws sender, Runnable send) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            send.run();
            JsonObject f = sender.frames().poll(1, TimeUnit.SECONDS);
            while (f != null && !"error".equals(f.getString("type"))) {
                f = sender.frames().poll(200, TimeUnit.MILLISECONDS);
            }
            if (f != null) {
                return f.getString("code");
            }
        }
        return "no error within 5 s";
    }

    /** Sends until the person is answered that the message was not delivered (nobody reads now), for 5 s. */
    static boolean notSentWithin(Ws sender, Runnable send) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            send.run();
            JsonObject f = sender.frames().poll(1, TimeUnit.SECONDS);
            while (f != null && !("talk".equals(f.getString("type")) && "not_sent".equals(f.getString("reason")))) {
                f = sender.frames().poll(200, TimeUnit.MILLISECONDS);
            }
            if (f != null) {
                return f.getJsonArray("cards") != null && !f.getJsonArray("cards").isEmpty();
            }
        }
        return false;
    }

    interface Probe {
        String get() throws Exception;
    }

    /** Asks {@code probe} every half second until it answers {@code want} or {@code seconds} pass; the last answer. */
    static String until(Probe probe, String want, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String got = probe.get();
        while (!want.equals(got) && System.nanoTime() < end) {
            Thread.sleep(500);
            got = probe.get();
        }
        return got;
    }
}
