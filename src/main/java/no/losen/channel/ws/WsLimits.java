package no.losen.channel.ws;

import java.time.Duration;

/**
 * What one connection, and one client address, may take. A frame over {@code maxFrameChars}
 * gets an error frame; one over the transport limit (four times that) closes the socket with
 * 1009, so a client can never make the server buffer much. A socket silent for
 * {@code idleTimeout} is closed (its session stays until the session TTL, so the client resumes).
 *
 * @param maxPerAddress open sockets one client address may hold (a shelter's shared Wi-Fi is one address)
 * @param newSockets    how fast one client address gets new sockets ({@link SocketPace})
 */
public record WsLimits(int maxFrameChars, double ratePerSecond, double burst, int maxPerAddress,
                       Duration idleTimeout, SocketPace.Pace newSockets) {

    public static final WsLimits DEFAULT = new WsLimits(16 * 1024, 10, 20, 50, Duration.ofMinutes(10),
            SocketPace.Pace.DEFAULT);

    public WsLimits {
        if (maxFrameChars < 1 || ratePerSecond <= 0 || burst < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("WebSocket limits must be positive");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the WebSocket idle timeout must be positive");
        }
        if (newSockets == null) {
            throw new IllegalArgumentException("the pace of new WebSockets must be given");
        }
    }

    public WsLimits withRate(double perSecond, double newBurst) {
        return new WsLimits(maxFrameChars, perSecond, newBurst, maxPerAddress, idleTimeout, newSockets);
    }

    public WsLimits withMaxPerAddress(int n) {
        return new WsLimits(maxFrameChars, ratePerSecond, burst, n, idleTimeout, newSockets);
    }

    public WsLimits withIdleTimeout(Duration d) {
        return new WsLimits(maxFrameChars, ratePerSecond, burst, maxPerAddress, d, newSockets);
    }

    public WsLimits withNewSockets(SocketPace.Pace p) {
        return new WsLimits(maxFrameChars, ratePerSecond, burst, maxPerAddress, idleTimeout, p);
    }
}
