package no.losen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.losen.dialog.Command;
import no.losen.dialog.Engine;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.dialog.load.ContentLoader;
import no.losen.dialog.load.Loaded;
import no.losen.session.SessionCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One WebSocket step without the network: load the session (decode it as Redis holds it), step
 * the engine, serialize the reply frame and the new session. What a core can do per second here
 * bounds what the server can do, whatever the transport.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Engine engine;
    private Session session;
    private String stored;
    private Reply reply;
    private final Command choose = Command.Choose.one("child");

    @Setup
    public void setup() {
        Loaded l = ContentLoader.load(Path.of(System.getProperty("losen.content", "src/test/resources/content/basic")));
        engine = new Engine(l.set(), Map.of("search", (t, lang) -> List.of()));
        session = engine.start("demo", "en", false).session();
        stored = SessionCodec.encode(session);
        reply = engine.apply(session, choose).reply();
    }

    @Benchmark
    public Session load() {
        return SessionCodec.decode(stored);
    }

    @Benchmark
    public Engine.Turn step() {
        return engine.apply(session, choose);
    }

    @Benchmark
    public String serialize() {
        ObjectNode n = JSON.valueToTree(reply);
        n.put("type", "message");
        return n.toString() + SessionCodec.encode(session);
    }

    /** All three, as one step of a conversation costs. */
    @Benchmark
    public String loadStepSerialize() {
        Session s = SessionCodec.decode(stored);
        Engine.Turn t = engine.apply(s, choose);
        ObjectNode n = JSON.valueToTree(t.reply());
        n.put("type", "message");
        return n.toString() + SessionCodec.encode(t.session());
    }
}
