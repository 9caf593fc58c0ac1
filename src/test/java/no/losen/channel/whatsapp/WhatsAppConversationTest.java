package no.losen.channel.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.losen.Fixtures;
import no.losen.channel.sms.PhoneKey;
import no.losen.dialog.Engine;
import no.losen.dialog.Session;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.metrics.Metrics;
import no.losen.session.MemorySessionStore;
import no.losen.step.Outcome;
import no.losen.step.Steps;
import no.losen.step.TextWorkers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WhatsApp conversation without HTTP: the basic fixture's {@code demo} dialog with the real SMS and WhatsApp words. */
class WhatsAppConversationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path dir;

    private MemorySessionStore store;
    private WhatsAppConversation wa;
    private final PhoneKey keys = new PhoneKey("test secret of enough length".getBytes(StandardCharsets.UTF_8));
    private int id;

    @BeforeEach
    void open() throws IOException {
        Fixtures.copyOfBasic(dir);
        for (String folder : new String[] {"sms", "whatsapp"}) {
            Files.createDirectories(dir.resolve("translations/" + folder));
            for (String lang : new String[] {"nb", "en", "ar"}) {
                Files.copy(Path.of("translations/" + folder + "/" + lang + ".yaml"), dir.resolve("translations/" + folder + "/" + lang + ".yaml"));
            }
        }
        Loaded l = ContentLoader.load(dir);
        assertThat(l.ok()).as(String.valueOf(l.errors())).isTrue();
        Engine engine = new Engine(l.set(), Map.of(), no.losen.intent.Recogniser.train(l.set()));
        store = new MemorySessionStore(Duration.ofMinutes(30), 1000);
        Steps steps = new Steps(engine, store, new TextWorkers(TextWorkers.Limits.forCores(2), Runnable::run), Long.MAX_VALUE,
                Metrics.none());
        wa = new WhatsAppConversation(steps, keys, "demo", null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Delivery.Message text(String body) {
        return new Delivery.Message("4791234567", "m" + (++id), NOW, Delivery.Kind.TEXT, body, null);
    }

    private Delivery.Message tap(String replyId) {
        return new Delivery.Message("4791234567", "m" + (++id), NOW, Delivery.Kind.CHOICE, null, replyId);
    }

    private List<JsonObject> send(Delivery.Message m) {
        return wa.run(keys.of(m.from()), m, NOW.plus(WhatsAppConversation.WINDOW)).await();
    }

    private static JsonObject interactive(List<JsonObject> out) {
        JsonObject last = out.get(out.size() - 1);
        assertThat(last.getString("type")).isEqualTo("interactive");
        return last.getJsonObject("interactive");
    }

    @Test
    void firstContactOffersTheThreeLanguagesAsButtonsAndStoresNothing() {
        JsonObject menu = interactive(send(text("Hei")));
        assertThat(menu.getString("type")).isEqualTo("button");
        assertThat(menu.getJsonObject("body").getString("text")).isEqualTo("Velg språk / Choose language");
        assertThat(menu.getJsonObject("action").getJsonArray("buttons").stream().map(JsonObject.class::cast)
                .map(b -> b.getJsonObject("reply").getString("id"))).containsExactly("l:nb", "l:en", "l:ar");
        assertThat(store.size()).isZero();
    }

    @Test
    void tappingALanguageThenAChoiceMovesThroughTheDialog() {
        JsonObject hello = interactive(send(tap("l:en")));
        assertThat(hello.getString("type")).as("three choices and help-now: four, a list").isEqualTo("list");
        assertThat(hello.getJsonObject("body").getString("text")).isEqualTo("Hello! What is it about?");
        assertThat(store.size()).isEqualTo(1);
        List<JsonObject> health = send(tap("c:adult"));
        assertThat(health.get(0).encode()).contains("You can get health care.");
        assertThat(health.get(0).encode()).contains("+47 22 33 11 60");
    }

    @Test
    void aCheckListIsAnsweredWithNumbers() {
        send(text("norsk"));
        List<JsonObject> signs = send(tap("c:signs"));
        assertThat(signs).singleElement().satisfies(m -> assertThat(m.getJsonObject("text").getString("body"))
                .contains("1 ").endsWith("Svar med tallene som passer, f.eks. 1 3. Svar 0 hvis ingen passer."));
    }

    @Test
    void theQuickExitWordErasesTheSessionAndAnswersWithOneNeutralWord() {
        send(text("norsk"));
        Session session = store.get("wa:" + keys.of("4791234567")).await().orElseThrow();
        Outcome<List<JsonObject>> exit = wa.step(session, text("x"));
        assertThat(exit.erase()).isTrue();
        assertThat(exit.answer()).singleElement().satisfies(m -> assertThat(m.getJsonObject("text").getString("body"))
                .isEqualTo("Ok."));
        send(text("X"));
        assertThat(store.size()).isZero();
        assertThat(wa.step(null, text("exit")).answer().get(0).getJsonObject("text").getString("body")).isEqualTo("OK.");
    }

    @Test
    void mediaAreAnsweredWithTextOnlyInThePersonsLanguageOrInTheFirstTwo() {
        Outcome<List<JsonObject>> none = wa.step(null, new Delivery.Message("47", "i1", NOW, Delivery.Kind.MEDIA, null, null));
        assertThat(none.keep()).isNull();
        assertThat(none.erase()).isFalse();
        assertThat(none.answer().get(0).getJsonObject("text").getString("body"))
                .isEqualTo("Vi kan bare lese tekst her. Skriv spørsmålet ditt, eller svar med et tall.\n\n"
                        + "We can only read text here. Write your question, or reply with a number.");
        send(text("العربية"));
        Session ar = store.get("wa:" + keys.of("4791234567")).await().orElseThrow();
        assertThat(wa.step(ar, new Delivery.Message("47", "i2", NOW, Delivery.Kind.MEDIA, null, null)).answer().get(0)
                .getJsonObject("text").getString("body")).isEqualTo("نستطيع قراءة النص فقط هنا. اكتب سؤالك، أو أرسل رقمًا.");
    }

    @Test
    void aMessageWhoseWindowHasClosedGetsNothingAndEndsTheConversation() {
        send(text("norsk"));
        assertThat(store.size()).isEqualTo(1);
        Delivery.Message late = new Delivery.Message("4791234567", "late", NOW.minus(Duration.ofHours(25)), Delivery.Kind.TEXT,
                "1", null);
        assertThat(wa.run(keys.of(late.from()), late, late.sent().plus(WhatsAppConversation.WINDOW)).await()).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aButtonFromAnEndedConversationStartsWithTheLanguageMenu() {
        JsonObject menu = interactive(send(tap("c:adult")));
        assertThat(menu.getJsonObject("body").getString("text")).isEqualTo("Velg språk / Choose language");
    }
}
