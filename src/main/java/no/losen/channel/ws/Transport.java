package no.losen.channel.ws;

import io.vertx.core.Future;

/**
 * All a {@link Conversation} needs of its connection: send a text, close, and whether it is gone.
 * {@link Socket} is the real one (a Netty pipeline's last handler); a test gives a list.
 */
interface Transport {

    /** Queues a text message; order is kept; a closed transport drops it (the session stays in the store). */
    void send(String text);

    /** Closes with a WebSocket close code, from any thread; completes when the connection is gone. */
    Future<Void> close(short code, String reason);

    /** Whether the connection is closed or closing: replies would be dropped. */
    boolean closed();
}
