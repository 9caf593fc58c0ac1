package no.losen.handoff;

import static no.losen.handoff.SmsHandoffEndToEndTest.PASSWORD;
import static no.losen.handoff.SmsHandoffEndToEndTest.talkNumber;
import static no.losen.handoff.SmsHandoffEndToEndTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.server.Config;
import no.losen.server.Operations;
import no.losen.server.TestServer;
import no.losen.session.RedisServer;
import no.losen.staff.Role;
import no.losen.staff.StaffAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Talk to a person" by SMS across two instances and one real redis-server, as behind a load
 * balancer: the person's SMS arrive at either instance, the counsellor is on the other, and
 * every SMS to the person is sent exactly once, by the instance that holds their number (the one
 * that took their join, or after that one stopped, the one their next SMS reached).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SmsHandoffAcrossInstancesTest {

    @TempDir
    static Path tmp;
    static RedisServer redis;
    static SmsRelayStandIn relay;
    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void up() throws Exception {
        redis = RedisServer.startOrSkip();
        Path users = tmp.resolve("users");
        StaffAccounts.put(users, "kari", StaffAccounts.hash(PASSWORD.toCharArray(), 4), EnumSet.of(Role.COUNSELLOR));
        relay = new SmsRelayStandIn(SmsHandoffEndToEndTest.SECRET);
        Path content = SmsHandoffEndToEndTest.content(tmp.resolve("content"));
        a = instance(users, content);
        b = instance(users, content);
    }

    static TestServer instance(Path users, Path content) {
        return new TestServer(Config.defaults().withPort(0).withContent(content).withStaff(users, Duration.ofMinutes(20))
                .withNewSessions(no.losen.step.NewSessions.Budget.UNLIMITED).withHandoff(no.losen.Fixtures.openDesk())
                .withSms(SmsHandoffEndToEndTest.sms(relay.url()))
                .withOps(Operations.DEFAULT.withSessionStore(redis.uri())));
    }

    @AfterAll
    static void down() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, redis, relay}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }

    /** Waits until both copies of the desk hold {@code n} people (the calls travel through Redis). */
    static void desksHold(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            if (a.losen().handoff().desk().size() == n && b.losen().handoff().desk().size() == n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the desks do not hold " + n + " within 5 s");
    }

    @Test
    void aPersonTextingEitherInstanceTalksToACounsellorOnTheOtherAndIsTextedOnce() throws Exception {
        String phone = "+4791235001";
        try (Ws kari = Ws.open(b, Ws.login(b, "kari", PASSWORD))) {
            kari.send("inbox");
            kari.next("inbox.queue");
            text(a, phone, "Hei");
            text(a, phone, "1");
            // Instance a knows a counsellor is on duty on instance b.
            List<String> health = text(a, phone, "1");
            List<String> joined = text(a, phone, talkNumber(health));
            assertThat(joined.get(0)).startsWith("Du er nummer 1 i køen.");
            JsonObject w = kari.queueOf(1).getJsonObject(0);
            assertThat(w.getString("lang")).isEqualTo("nb");
            assertThat(w.getString("channel")).as("the inbox says replies go by SMS").isEqualTo("sms");
            assertThat(w.encode()).doesNotContain("91235001");
            String ticket = w.getString("ticket");

            kari.send("inbox.accept", "ticket", ticket);
            kari.next("inbox.chat");
            SmsRelayStandIn.Sms accepted = relay.next();
            assertThat(accepted.to()).isEqualTo(phone);
            assertThat(accepted.text()).startsWith("Nå leser en person fra Test Org");

            // The next SMS arrives at instance b: it reaches the counsellor all the same.
            assertThat(text(b, phone, "Hei fra telefonen")).isEmpty();
            assertThat(kari.next("inbox.message").getString("text")).isEqualTo("Hei fra telefonen");
            kari.send("inbox.say", "ticket", ticket, "text", "Jeg leser", "id", "sms-1");
            assertThat(relay.next().text()).isEqualTo("Veileder: Jeg leser");
            // The gateway took it, on the instance holding the number: kari's console on the other is told.
            assertThat(kari.next("inbox.delivered").getString("id")).isEqualTo("sms-1");

            kari.send("inbox.end", "ticket", ticket);
            kari.next("inbox.ended");
            assertThat(relay.next().text()).startsWith("Praten er avsluttet og slettet.");
            desksHold(0);
            // Each of the three went out once: both instances heard every event, one sent.
            assertThat(relay.within(500)).isEmpty();
        }
    }

    @Test
    void stopAtTheOtherInstanceEndsTheTalkEverywhereAndNothingMoreIsSent() throws Exception {
        String phone = "+4791235002";
        try (Ws kari = Ws.open(b, Ws.login(b, "kari", PASSWORD))) {
            kari.send("inbox");
            kari.next("inbox.queue");
            text(a, phone, "Hei");
            text(a, phone, "2");
            assertThat(text(a, phone, "person").get(0)).startsWith("You are number 1 in the queue.");
            String ticket = kari.queueOf(1).getJsonObject(0).getString("ticket");
            kari.send("inbox.accept", "ticket", ticket);
            kari.next("inbox.chat");
            relay.next();
            assertThat(text(b, phone, "STOP")).containsExactly("The conversation is deleted. Write at any time to start again.");
            assertThat(kari.next("inbox.ended").getString("reason")).isEqualTo("person");
            desksHold(0);
            assertThat(relay.within(500)).isEmpty();
        }
    }

    @Test
    void whenTheInstanceHoldingTheNumberStopsThePersonIsAwayUntilTheirNextSmsReachesAnother() throws Exception {
        String phone = "+4791235003";
        Path users = tmp.resolve("users");
        Path content = tmp.resolve("content");
        TestServer c = instance(users, content);
        try (Ws kari = Ws.open(b, Ws.login(b, "kari", PASSWORD))) {
            kari.send("inbox");
            kari.next("inbox.queue");
            String ticket = SmsHandoffEndToEndTest.talkingBySms(c, phone, "2", kari);
            assertThat(relay.next().text()).startsWith("A person from Test Org");

            c.close();   // the instance that took the join, and so held the number, restarts
            c = null;
            JsonObject gone = kari.next("inbox.presence");
            assertThat(gone.getBoolean("connected")).as("the counsellor sees the person cannot be reached").isFalse();
            kari.send("inbox.say", "ticket", ticket, "text", "Are you there?");
            assertThat(kari.nextOf("error").getString("code")).as("refused, not sent by nobody").isEqualTo("away");

            // The person writes again; the SMS reaches instance a, which holds the number from now on.
            assertThat(text(a, phone, "Hello?")).isEmpty();
            assertThat(kari.next("inbox.presence").getBoolean("connected")).isTrue();
            assertThat(kari.next("inbox.message").getString("text")).isEqualTo("Hello?");
            kari.send("inbox.say", "ticket", ticket, "text", "I am here");
            SmsRelayStandIn.Sms reply = relay.next();
            assertThat(reply.to()).isEqualTo(phone);
            assertThat(reply.text()).isEqualTo("Counsellor: I am here");
            kari.send("inbox.end", "ticket", ticket);
            kari.next("inbox.ended");
            assertThat(relay.next().text()).startsWith("The talk has ended");
            desksHold(0);
            assertThat(relay.within(500)).as("each SMS once").isEmpty();
        } finally {
            if (c != null) {
                c.close();
            }
        }
    }
}
