package no.losen.channel.ws;

/**
 * Per-connection limits. A frame over {@code maxFrameChars} gets an error frame; one over the
 * transport limit (four times that) is closed by Vert.x with 1009, so a client can never make
 * the server buffer much.
 */
public record WsLimits(int maxFrameChars, double ratePerSecond, double burst) {

    public static final WsLimits DEFAULT = new WsLimits(16 * 1024, 10, 20);
}
