package no.losen.handoff;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.losen.channel.sms.JsonGateway;

/**
 * A recording stand-in for the generic SMS gateway's relay: it takes what Losen sends to
 * {@code LOSEN_SMS_SEND_URL}, checks the signature as a relay must (a wrongly signed send is
 * answered 403 and not recorded), and keeps each SMS for the test to read in order.
 */
final class SmsRelayStandIn implements AutoCloseable {

    /** One SMS as the provider would send it. */
    record Sms(String to, String from, String text) {
    }

    private final HttpServer server;
    private final BlockingQueue<Sms> sent = new LinkedBlockingQueue<>();
    private volatile int refused;

    SmsRelayStandIn(String secret) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/send", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String given = ex.getRequestHeaders().getFirst(JsonGateway.HEADER);
            if (!JsonGateway.signature(secret, body).equals(given)) {
                refused++;
                ex.sendResponseHeaders(403, -1);
                ex.close();
                return;
            }
            JsonObject j = new JsonObject(new String(body, StandardCharsets.UTF_8));
            for (Object m : j.getJsonArray("messages")) {
                sent.add(new Sms(j.getString("to"), j.getString("from"), (String) m));
            }
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/send";
    }

    /** The next SMS sent, within 5 s. */
    Sms next() throws InterruptedException {
        Sms s = sent.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no SMS sent within 5 s");
        }
        return s;
    }

    /** Everything sent within {@code millis} from now (to show nothing more, or nothing twice, was sent). */
    List<Sms> within(long millis) throws InterruptedException {
        List<Sms> out = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Sms s = sent.poll(50, TimeUnit.MILLISECONDS);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    int refused() {
        return refused;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
