package no.losen.channel.ws;

import io.vertx.core.Handler;
import io.vertx.core.Promise;

/**
 * How a {@link Socket}, which lives in a Netty pipeline, hands its events to code written for
 * Vert.x: in the Vert.x context of the connection, so the conversation sees the same threading as
 * with Vert.x's own WebSocket. Made by {@link Upgrade}, which alone knows how (it takes Vert.x
 * internals); a test may run events directly.
 */
interface Events {

    /** Runs {@code handler} with {@code event} in the connection's context, now (we are on its event loop). */
    <T> void emit(T event, Handler<T> handler);

    /** A promise whose callbacks run in the connection's context. */
    <T> Promise<T> promise();
}
