package no.losen.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;

/**
 * A refusal answered after a hold, and its connection closed after it. Answered at once, a refusal
 * is the cheapest request there is, and a flood on kept-alive connections used it: one connection
 * got 11,000 {@code busy} answers of the search a second, and eight of them beside a WebSocket
 * search flood took a bystander's step to 431 ms (an independent tester). Held for the second its
 * {@code Retry-After} names, a refusal costs the client as much as waiting would, and asking again
 * on a new connection costs the address's budget of new connections ({@link ConnectionRate}).
 * The search's {@code busy} and the budget of requests ({@link RequestRate}) answer this way.
 */
public final class HeldRefusal {

    /** How long a refusal is held before it is sent: the {@code Retry-After} it names. */
    public static final Duration HOLD = Duration.ofSeconds(1);

    private HeldRefusal() {
    }

    /**
     * After {@link #HOLD}, unless the client has gone: {@code Retry-After} and {@code Connection: close}
     * on {@code req}'s response, then {@code answer}, which ends it; the connection closes once it is sent.
     */
    public static void send(Vertx vertx, HttpServerRequest req, Runnable answer) {
        vertx.setTimer(HOLD.toMillis(), t -> {
            HttpServerResponse response = req.response();
            if (response.ended() || response.closed()) {
                return;
            }
            response.putHeader("Retry-After", String.valueOf(HOLD.toSeconds())).putHeader("Connection", "close");
            response.endHandler(v -> req.connection().close());
            answer.run();
        });
    }
}
