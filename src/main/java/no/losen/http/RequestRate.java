package no.losen.http;

import com.github.benmanes.caffeine.cache.Ticker;
import no.losen.internal.ClientNetwork;
import no.losen.internal.KeyedBuckets;

/**
 * How many HTTP requests one client address may make: a burst of {@link #BURST}, then
 * {@link #PER_SECOND} a second (a token bucket per address, an IPv6 client by its /64, as
 * {@link ConnectionRate}). Why: the budget on new connections says nothing about what a kept-alive
 * connection asks; 24 connections from one address asking for the widget's script 850 times a
 * second, compressed on the event loops, took a bystander's step to 201 ms (an independent tester).
 * A page of the widget or the chat takes five or six requests, a tool asking a few hundred questions
 * one after another stays inside the burst; what is stopped is a loop kept up for seconds. Over it,
 * a request is answered 429 as a {@link HeldRefusal}. The server's own host (127.0.0.1, ::1) has no
 * budget, as in the other limits per address: with one, {@code bench/ws-load}'s 10,000 sockets from it
 * were refused from the 1,001st and the benchmark stopped.
 */
public final class RequestRate {

    static final int BURST = 1_000;
    static final double PER_SECOND = 50;

    private final KeyedBuckets buckets;

    public RequestRate() {
        this(Ticker.systemTicker());
    }

    RequestRate(Ticker ticker) {
        this.buckets = new KeyedBuckets(BURST, PER_SECOND, ConnectionRate.KEEP, ticker);
    }

    /** Takes one request from {@code address}'s budget; false: it has none left now. */
    public boolean take(String address) {
        return ClientNetwork.thisHost(address) || buckets.take(ClientNetwork.of(address));
    }
}
