package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.losen.dialog.Engine;
import no.losen.handoff.Call;
import no.losen.handoff.Desk;
import no.losen.handoff.Event;
import no.losen.handoff.Relay;
import no.losen.handoff.Switchboard;
import no.losen.session.MemorySessionStore;
import org.junit.jupiter.api.Test;

/**
 * A message about danger now during a talk by SMS, over the bundled {@code rights} dialog: the
 * person gets the emergency numbers by SMS at once, whoever reads, and the counsellor sees the
 * message flagged — as in the widget's talk.
 */
class SmsTalkDangerTest {

    private static final Engine engine = no.losen.Fixtures.bundled();

    @Test
    void dangerDuringAnSmsTalkGetsTheEmergencyNumbersBySmsAndIsFlaggedToTheCounsellor() {
        MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), 1000);
        Switchboard board = new Switchboard(no.losen.Fixtures.openDesk(),
                Clock.systemUTC(), Relay::local);
        List<Event.Said> toCounsellor = new CopyOnWriteArrayList<>();
        board.connect(new Desk.Outbox() {
            @Override
            public void toPerson(Event e) {
            }

            @Override
            public void toCounsellor(String user, Event e) {
                if (e instanceof Event.Said s) {
                    toCounsellor.add(s);
                }
            }

            @Override
            public void toCounsellors(Event e) {
            }
        });
        SmsTalkTest.Recording gateway = new SmsTalkTest.Recording();
        SmsConversation sms = new SmsConversation(SmsFixture.steps(engine, store),
                new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)), "rights", board,
                Map.of("test", gateway));
        int[] id = {0};
        java.util.function.Function<String, String> send = text -> String.join("\n---\n",
                sms.handle("test", new Inbound("+4791234567", "2222", text, "m" + (++id[0]))).await());

        board.submit(new Call.CounsellorIn(Instant.now(), null, "kari")).toCompletableFuture().join();
        send.apply("hello, I need some information");   // the language menu
        send.apply("2");                                   // English
        send.apply("PERSON");
        String ticket = board.desk().queue().get(0).ticket();
        board.submit(new Call.Accept(Instant.now(), ticket, "kari")).toCompletableFuture().join();

        String reply = send.apply("he is outside my door and says he will kill me");
        assertThat(reply).as("the emergency numbers, by SMS, at once").contains("112").contains("113");
        assertThat(toCounsellor).singleElement().satisfies(s -> {
            assertThat(s.danger()).as("flagged to the counsellor").isTrue();
            assertThat(s.text()).isEqualTo("he is outside my door and says he will kill me");
        });

        assertThat(send.apply("ok thank you")).as("an ordinary message goes on without a reply").isEmpty();
        assertThat(toCounsellor).hasSize(2);
        assertThat(toCounsellor.get(1).danger()).isFalse();
    }
}
