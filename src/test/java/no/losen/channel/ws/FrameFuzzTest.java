package no.losen.channel.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.dialog.DialogException;
import no.losen.server.Config;
import no.losen.server.Operations;
import no.losen.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Property: no frame, however random or mangled, crashes the server or leaks an exception. Every
 * frame gets exactly one answer of a protocol type; errors carry a protocol code and never
 * {@code internal}; the connection stays open and usable. Seeded: rerun with {@code -Dlosen.seed=N}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrameFuzzTest {

    static final long SEED = Long.getLong("losen.seed", 4711L);
    static final Set<String> TYPES = Set.of("message", "error", "session", "pong", "ended");
    /** Protocol refusals; {@code busy} too: a thousand frames at once spend the address's budget of typed questions. */
    static final Set<String> CODES = Set.of("bad_frame", "unknown_type", "unknown_dialog", "unknown_choice",
            "unknown_language", "no_session", "too_long", "too_large", "forbidden", "busy");
    static final List<String> VALID = List.of(
            "{\"type\":\"start\",\"dialog\":\"demo\",\"lang\":\"en\"}",
            "{\"type\":\"choose\",\"choice\":\"child\"}",
            "{\"type\":\"choose\",\"choices\":[\"debt\",\"fixer\"]}",
            "{\"type\":\"text\",\"text\":\"2\"}",
            "{\"type\":\"back\"}",
            "{\"type\":\"restart\"}",
            "{\"type\":\"lang\",\"lang\":\"ar\"}",
            "{\"type\":\"resume\",\"token\":\"AAAAAAAAAAAAAAAAAAAAAA\"}",
            "{\"type\":\"ping\"}",
            "{\"type\":\"inbox.say\",\"ticket\":\"t1\",\"text\":\"hei\",\"id\":\"m-1\"}",
            "{\"type\":\"start\",\"dialog\":\"demo-staff\"}");

    @Test
    void parsingRandomAndMutatedTextOnlyEverRefusesWithACode() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            String raw = rnd.nextBoolean() ? mutate(rnd, VALID.get(rnd.nextInt(VALID.size()))) : random(rnd);
            Throwable t = catchThrowable(() -> Frame.parse(raw));
            assertThat(t == null || t instanceof DialogException).as("seed=%d frame=%s threw %s", SEED, raw, t).isTrue();
        }
    }

    /** The streaming reader answers every frame as the JSON tree did: the same frame, or the same code and message. */
    @Test
    void theStreamingReaderAnswersEveryFrameAsTheTreeDid() {
        Random rnd = new Random(SEED);
        List<String> edges = List.of("", " ", "null", "[]", "[1,", "\"start\"", "{}", "{\"type\":1}", "{\"type\":null}",
                "{\"type\":\"back\"} trailing", "{\"type\":\"back\",}", "{\"type\":\"back\",\"x\":{\"y\":[1,{}]}}",
                "{\"type\":\"choose\",\"choices\":[\"a\",1]}", "{\"type\":\"choose\",\"choices\":null}",
                "{\"type\":\"choose\",\"choices\":[1],\"choices\":[\"a\"]}", "{\"type\":\"choose\",\"choices\":[]}",
                "{\"type\":\"start\",\"dialog\":1,\"dialog\":\"demo\"}", "{\"type\":\"start\",\"dialog\":\"demo\",\"dialog\":[1]}",
                "{\"type\":\"start\",\"lang\":2,\"dialog\":3}", "{\"type\":\"choose\",\"choices\":[[\"a\"]],\"choice\":{}}",
                "{\"type\":\"choose\",\"choice\":\"a\",\"choice\":null}", "{\"type\":\"text\",\"text\":\"\\u00e6 \\\"\"}");
        for (int i = 0; i < 40_000; i++) {
            String raw = i < edges.size() ? edges.get(i)
                    : rnd.nextBoolean() ? mutate(rnd, VALID.get(rnd.nextInt(VALID.size()))) : random(rnd);
            Object streamed = outcome(() -> Frame.parse(raw));
            Object tree = outcome(() -> Frame.parseTree(raw));
            assertThat(streamed).as("seed=%d frame=%s", SEED, raw).isEqualTo(tree);
        }
    }

    private static Object outcome(java.util.function.Supplier<Frame> parse) {
        try {
            return parse.get();
        } catch (DialogException e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    @Test
    void randomAndMutatedFramesNeverCrashTheServerOrLeakAnException() {
        Config c = Config.defaults().withPort(0).withContent(Fixtures.BASIC)
                .withOps(Operations.DEFAULT.withWs(WsLimits.DEFAULT.withRate(100_000, 100_000)));
        Random rnd = new Random(SEED);
        try (TestServer s = new TestServer(c); var client = s.connect()) {
            for (int i = 0; i < 1_000; i++) {
                String raw = switch (rnd.nextInt(4)) {
                    case 0 -> VALID.get(rnd.nextInt(VALID.size()));
                    case 1 -> random(rnd);
                    default -> mutate(rnd, VALID.get(rnd.nextInt(VALID.size())));
                };
                client.send(raw);
                JsonObject answer = client.next();
                if (answer.getString("type").equals("session")) {
                    answer = client.next();
                }
                String where = "seed=" + SEED + " frame #" + i + ": " + raw;
                assertThat(answer.getString("type")).as(where).isIn(TYPES);
                if (answer.getString("type").equals("error")) {
                    assertThat(answer.getString("code")).as(where).isIn(CODES);
                    assertThat(answer.getString("message")).as(where).doesNotContain("Exception").doesNotContain("\tat ");
                }
            }
            assertThat(client.send("{\"type\":\"ping\"}").next().getString("type")).isEqualTo("pong");
            assertThat(s.get("/metrics").body()).doesNotContain("code=\"internal\"");
        }
    }

    /**
     * Below the JSON: random bytes, and frames with random opcodes, reserved bits, lengths and
     * masks, straight after a good handshake. The server may answer, close or wait; it must not
     * fail, leak a connection, or disturb a user who is in the middle of a conversation.
     */
    @Test
    void randomBytesAndFramesOnTheWireNeverHurtTheServerOrAnotherUser() throws Exception {
        Random rnd = new Random(SEED);
        try (TestServer s = new TestServer(Fixtures.BASIC); var bystander = s.connect()) {
            bystander.send(VALID.get(0)).nextMessage();
            for (int i = 0; i < 300; i++) {
                try (RawClient raw = RawClient.open(s.port())) {
                    if (rnd.nextBoolean()) {
                        byte[] junk = new byte[rnd.nextInt(200)];
                        rnd.nextBytes(junk);
                        raw.raw(junk);
                    } else {
                        byte[] payload = (rnd.nextBoolean() ? mutate(rnd, VALID.get(rnd.nextInt(VALID.size()))) : random(rnd))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        int header = rnd.nextInt(256);
                        raw.frame((header & 0x80) != 0, header & 0x7f, payload);
                    }
                }
            }
            assertThat(bystander.send("{\"type\":\"choose\",\"choice\":\"child\"}").nextMessage().getString("node"))
                    .as("seed=%d", SEED).isNotBlank();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.losen().connections() > 1 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(s.losen().connections()).as("connections left open, seed=%d", SEED).isEqualTo(1);
            assertThat(s.get("/metrics").body()).doesNotContain("code=\"internal\"");
        }
    }

    static String random(Random rnd) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(60);
        String alphabet = "{}[]\":,\\ tyepchosnmrlgxd0123456789.-+eE\u0000\u00e6\u0627\ud83d\ude00";
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** A valid frame with a few bytes flipped, dropped, duplicated or a value's type changed. */
    static String mutate(Random rnd, String valid) {
        StringBuilder b = new StringBuilder(valid);
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = rnd.nextInt(b.length());
            switch (rnd.nextInt(6)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, "{}[]\":,0ax\\".charAt(rnd.nextInt(11)));
                case 2 -> b.setCharAt(at, (char) rnd.nextInt(0x7f));
                case 3 -> b.setLength(at);
                case 4 -> b.replace(0, b.length(), b.toString().replaceFirst("\"[a-z-]+\"}", rnd.nextBoolean()
                        ? "null}" : rnd.nextBoolean() ? "[1,{}]}" : "12.5e300}"));
                default -> b.insert(at, b.substring(at, Math.min(b.length(), at + rnd.nextInt(8))));
            }
        }
        return b.toString();
    }
}
