package no.losen.channel.whatsapp;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for the Graph API's {@code POST /{phone-number-id}/messages}: records every
 * request it is sent and answers as Meta does ({@code {"messages":[{"id":"wamid…"}]}}), or with
 * the statuses a test queued first (429, 500).
 */
final class GraphStandIn implements AutoCloseable {

    /** One request as received. */
    record Sent(String path, String authorization, JsonObject body) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final java.util.Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int ids;

    GraphStandIn() {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            paths.add(req.method() + " " + req.path());
            Integer status = statuses.poll();
            if (status != null && status == HANG) {
                sent.add(new Sent(req.path(), req.getHeader("Authorization"), new JsonObject(b).put("_status", status)));
                return;   // never answered: as a Graph API that hangs
            }
            if (status != null) {
                // Every request is seen by the test, refused ones too.
                sent.add(new Sent(req.path(), req.getHeader("Authorization"), new JsonObject(b).put("_status", status)));
                req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", new JsonObject().put("message", "(#130429) Rate limit hit")
                                .put("code", 130429)).encode());
                return;
            }
            sent.add(new Sent(req.path(), req.getHeader("Authorization"), new JsonObject(b)));
            JsonObject body = new JsonObject(b);
            req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("messaging_product", "whatsapp")
                    .put("contacts", new JsonArray().add(new JsonObject().put("input", body.getString("to"))
                            .put("wa_id", body.getString("to"))))
                    .put("messages", new JsonArray().add(new JsonObject().put("id", "wamid.out" + (++ids)))).encode());
        })).listen(0, "127.0.0.1").await();
    }

    /** Every method and path ever asked for ("POST /v21.0/…/messages"): a media download would show here. */
    java.util.Set<String> seenPaths() {
        return paths;
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/v21.0";
    }

    /** A status for {@link #failNext}: the request is read and never answered. */
    static final int HANG = 0;

    /** The next requests answer with these statuses ({@link #HANG}: not at all), in order; then 200 again. */
    void failNext(int... codes) {
        for (int c : codes) {
            statuses.add(c);
        }
    }

    /**
     * What was sent until nothing more came for {@code quietMs}: the first request is waited
     * for up to 10 s (none at all is an empty list only when {@code expectSome} is false).
     */
    List<Sent> take(boolean expectSome, long quietMs) {
        List<Sent> out = new ArrayList<>();
        try {
            Sent first = sent.poll(expectSome ? 10_000 : quietMs, TimeUnit.MILLISECONDS);
            if (first == null) {
                if (expectSome) {
                    throw new AssertionError("nothing was sent to the Graph API within 10 s");
                }
                return out;
            }
            out.add(first);
            Sent next;
            while ((next = sent.poll(quietMs, TimeUnit.MILLISECONDS)) != null) {
                out.add(next);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** Exactly the next {@code n} requests, each waited for up to 10 s. */
    List<Sent> take(int n) {
        List<Sent> out = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Sent s = sent.poll(10, TimeUnit.SECONDS);
                if (s == null) {
                    throw new AssertionError("only " + i + " of " + n + " requests reached the Graph API within 10 s each");
                }
                out.add(s);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Override
    public void close() {
        server.close().await();
        vertx.close().await();
    }
}
