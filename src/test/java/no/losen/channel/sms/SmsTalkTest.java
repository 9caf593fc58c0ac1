package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import no.losen.dialog.Engine;
import no.losen.handoff.Call;
import no.losen.handoff.Event;
import no.losen.handoff.HandoffConfig;
import no.losen.handoff.OpeningHours;
import no.losen.handoff.Relay;
import no.losen.handoff.Switchboard;
import no.losen.session.MemorySessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Talk to a person" by SMS without HTTP: a phone's messages through the conversation, a desk on
 * this instance, the counsellor's side as desk calls, and the SMS that would go out recorded.
 */
class SmsTalkTest {

    private static final String PHONE = "+4791234567";
    private static final String GATEWAY = "test";

    /** What a gateway would have sent: to whom, from which of our numbers, what. */
    record Sent(SmsSender.Recipient to, String text) {
    }

    /** Records each message it is asked to send, in order (the gateway's side is tested in JsonSenderTest, TwilioSenderTest). */
    static final class Recording implements SmsSender {
        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<Void> send(Recipient to, List<String> messages) {
            messages.forEach(m -> sent.add(new Sent(to, m)));
            return CompletableFuture.completedFuture(null);
        }

        List<String> texts() {
            return sent.stream().map(Sent::text).toList();
        }
    }

    @TempDir
    Path dir;

    private final Recording gateway = new Recording();
    private MemorySessionStore store;
    private Switchboard board;
    private SmsConversation sms;
    private int id;

    private void open(Duration answerWithin, int perMinute) {
        open(answerWithin, perMinute, "Test Org");
    }

    private void open(Duration answerWithin, int perMinute, String organisation) {
        Engine engine = SmsFixture.engine(dir, Map.of());
        store = new MemorySessionStore(Duration.ofMinutes(30), 1000);
        board = new Switchboard(new HandoffConfig(organisation, OpeningHours.parse("mon-sun 00:00-24:00", "", "Europe/Oslo"),
                answerWithin, Duration.ofMinutes(30), List.of("rosa"), perMinute, Duration.ofHours(24)),
                Clock.systemUTC(), Relay::local);
        sms = new SmsConversation(SmsFixture.steps(engine, store),
                new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8)), "demo", board,
                Map.of(GATEWAY, gateway));
    }

    private void open() {
        open(Duration.ofMinutes(10), 20);
    }

    private String send(String text) {
        return send(GATEWAY, text);
    }

    private String send(String via, String text) {
        return String.join("\n---\n", sms.handle(via, new Inbound(PHONE, "2222", text, "m" + (++id))).await());
    }

    private void counsellor(Call call) {
        board.submit(call).toCompletableFuture().join();
    }

    private String ticket() {
        return board.desk().queue().get(0).ticket();
    }

    /** Kari comes on duty, the phone picks {@code language} and asks with {@code ask}, and she takes them; the ticket. */
    private String taken(String language, String ask) {
        counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        send(language);
        send(ask);
        String ticket = ticket();
        counsellor(new Call.Accept(Instant.now(), ticket, "kari"));
        return ticket;
    }

    @Test
    void itIsOfferedOnlyThroughAGatewayThatCanSendAndWhileSomeoneAnswers() {
        open();
        assertThat(sms.talk().offer(GATEWAY)).isEqualTo(SmsTalk.Offer.CLOSED);
        counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        assertThat(sms.talk().offer(GATEWAY)).isEqualTo(SmsTalk.Offer.ON);
        assertThat(sms.talk().offer("json")).isEqualTo(SmsTalk.Offer.OFF);
        send("1");
        assertThat(send("MENY")).contains("\n4 Jeg trenger hjelp nå\n5 Snakk med et menneske\nSvar med et tall.");
        assertThat(send("json", "MENY")).doesNotContain("Snakk med et menneske");
        // Without a sender the keyword is an ordinary message to the dialog.
        assertThat(send("json", "person")).doesNotContain("køen");
        assertThat(board.desk().size()).isZero();
    }

    @Test
    void outsideHoursTheKeywordGivesWhoAnswersAroundTheClock() {
        open();
        send("2");
        assertThat(send("talk")).isEqualTo("No one can answer by SMS right now. These answer day and night:\nROSA: 22 33 11 60");
        assertThat(board.desk().size()).isZero();
    }

    @Test
    void thePersonJoinsIsAcceptedChatsGetsACardAndTheEndBySms() {
        open();
        counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        send("2");
        assertThat(send("5")).isEqualTo("You are number 1 in the queue.\n"
                + "A person from Test Org will read what you write, in English. The talk is erased when it ends.\n"
                + "You can keep using the questions while you wait. Write LEAVE to leave the queue, X to erase everything.");
        assertThat(gateway.sent).isEmpty();   // the join is answered in the webhook's reply
        String ticket = ticket();

        counsellor(new Call.Accept(Instant.now(), ticket, "kari"));
        assertThat(gateway.sent).singleElement().satisfies(s -> {
            assertThat(s.to().phone()).isEqualTo(PHONE);
            assertThat(s.to().via()).isEqualTo("2222");
            assertThat(s.text()).isEqualTo("A person from Test Org now reads what you write and answers in English. Write here. "
                    + "The talk is erased when it ends. LEAVE: end it. X: erase everything.");
        });
        assertThat(send("menu")).isEmpty();   // a keyword too goes to the counsellor now
        counsellor(new Call.Say(Instant.now(), ticket, Event.Side.COUNSELLOR, "kari", "I am here – tell me more…"));
        counsellor(new Call.SendCard(Instant.now(), ticket, "kari", "rosa"));
        counsellor(new Call.End(Instant.now(), ticket, "kari"));
        assertThat(gateway.texts()).containsExactly(gateway.texts().get(0),
                "Counsellor: I am here - tell me more...",
                "ROSA: 22 33 11 60",
                "The talk has ended and is erased. Reply MENU for the questions.");
        assertThat(sms.talk().held()).isZero();
        assertThat(send("menu")).startsWith("Hello! What is it about?");
    }

    @Test
    void aLongMessageFromTheCounsellorIsPackedIntoSmsWithinTheBudget() {
        open();
        String ticket = taken("2", "talk");
        String sentence = "You can get help from a doctor without papers, and the doctor must keep it to themselves. ";
        counsellor(new Call.Say(Instant.now(), ticket, Event.Side.COUNSELLOR, "kari", sentence.repeat(10).strip()));
        List<String> chat = gateway.texts().subList(1, gateway.texts().size());
        assertThat(chat).hasSizeGreaterThan(1);
        assertThat(chat).allSatisfy(m -> assertThat(Segments.count(m).segments()).isLessThanOrEqualTo(Segments.BUDGET));
        assertThat(String.join(" ", chat).replace("Counsellor: ", "")).isEqualTo(sentence.repeat(10).strip());
    }

    @Test
    void whenTheCounsellorIsGoneThePersonIsToldBySmsAndAMessageMeanwhileIsNotCalledEnded() {
        open();
        String ticket = taken("1", "person");
        counsellor(new Call.CounsellorOut(Instant.now(), null, "kari"));
        String closed = "Ingen kan svare på SMS akkurat nå. Disse svarer døgnet rundt:\nROSA: 22 33 11 60";
        assertThat(gateway.texts()).last().isEqualTo(closed);
        // Not delivered, said plainly; the contacts just sent are not sent again (every SMS costs).
        assertThat(send("hallo?")).isEqualTo("Meldingen din ble ikke levert: ingen kan lese den akkurat nå.");
        int sent = gateway.texts().size();
        counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        assertThat(gateway.texts()).hasSize(sent + 1).last().asString().startsWith("Nå leser en person");
        // Her console reloads twice: the phone is not texted for each coming and going.
        for (int i = 0; i < 2; i++) {
            counsellor(new Call.CounsellorOut(Instant.now(), null, "kari"));
            counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        }
        assertThat(gateway.texts()).as("no second copy of the contacts, nor of 'a person reads'").hasSize(sent + 1);
        assertThat(sms.talk().held()).as("the talk goes on when the counsellor is back").isOne();
    }

    @Test
    void nobodyAcceptingInTimeIsToldBySmsWithTheContacts() {
        open(Duration.ZERO, 20);
        counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        send("1");
        assertThat(send("person")).startsWith("Du er nummer 1 i køen.");
        board.desk().sweep();
        assertThat(gateway.texts()).containsExactly("Ingen rakk å svare. Beklager. Disse svarer døgnet rundt:\nROSA: 22 33 11 60");
        assertThat(sms.talk().held()).isZero();
    }

    @Test
    void thePersonMayNotFloodTheCounsellor() {
        open(Duration.ofMinutes(10), 2);
        taken("1", "person");
        assertThat(send("en")).isEmpty();
        assertThat(send("to")).isEmpty();
        assertThat(send("tre")).isEqualTo("Du har sendt mange meldinger på kort tid. Vent litt før du skriver mer.");
    }

    @Test
    void aBlockedPersonAskingAgainGetsTheContactsNotADeadEnd() {
        open();
        String ticket = taken("1", "person");
        counsellor(new Call.Block(Instant.now(), ticket, "kari"));
        assertThat(gateway.texts()).last().isEqualTo("Praten er avsluttet og slettet. Svar MENY for spørsmålene.");
        assertThat(send("person")).isEqualTo("Ingen kan svare på SMS akkurat nå. Disse svarer døgnet rundt:\nROSA: 22 33 11 60");
    }

    @Test
    void handedBackTheNodeArrivesBySmsAndBackReturnsToWhereTheyAsked() {
        open();
        counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        send("1");
        send("1");   // health
        send("person");
        String ticket = ticket();
        counsellor(new Call.Accept(Instant.now(), ticket, "kari"));
        counsellor(new Call.HandBack(Instant.now(), ticket, "kari", "hello"));
        assertThat(gateway.texts()).last().asString()
                .startsWith("Veilederen sendte deg tilbake til spørsmålene.\nHei! Hva gjelder det?\n1 Jeg er voksen")
                .endsWith("4 Jeg trenger hjelp nå\n5 Snakk med et menneske\nSvar med et tall. 0 = tilbake.");
        assertThat(sms.talk().held()).isZero();
        assertThat(send("0")).startsWith("Du kan få helsehjelp.");
    }

    @Test
    void quickExitWhileWaitingErasesTheSessionAndLeavesTheQueue() {
        open();
        counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        send("1");
        send("person");
        assertThat(store.size()).isEqualTo(1);
        assertThat(send("x")).isEqualTo("Samtalen er slettet. Skriv når som helst for å begynne på nytt.");
        assertThat(store.size()).isZero();
        assertThat(board.desk().size()).isZero();
        assertThat(sms.talk().held()).isZero();
        assertThat(gateway.sent).isEmpty();
        // Outside a talk, "x" is no keyword: a new phone gets the language menu.
        assertThat(send("x")).startsWith("Velg språk");
    }

    @Test
    void inArabicTheJoinAnswerIsSplitBetweenItsSentencesWithinTheBudget() {
        open(Duration.ofMinutes(10), 20, "Kirkens Bymisjon, Oslo sentrum");
        counsellor(new Call.CounsellorIn(Instant.now(), null, "kari"));
        send("3");
        List<String> joined = sms.handle(GATEWAY, new Inbound(PHONE, "2222", "شخص", "m" + (++id))).await();
        assertThat(joined).hasSize(2).allSatisfy(m -> assertThat(Segments.count(m).segments()).isLessThanOrEqualTo(Segments.BUDGET));
        assertThat(joined.get(0)).startsWith("أنت رقم 1 في قائمة الانتظار.\nسيقرأ شخص من Kirkens Bymisjon, Oslo sentrum ما تكتبه، باللغة العربية.");
        assertThat(joined.get(1)).isEqualTo("يمكنك متابعة استخدام الأسئلة أثناء الانتظار. اكتب مغادرة لمغادرة قائمة الانتظار، أو X لمحو كل شيء.");
    }
}
