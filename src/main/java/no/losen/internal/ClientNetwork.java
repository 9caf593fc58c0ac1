package no.losen.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key a client address counts under in the per-address limits (new connections, requests, new
 * conversations, new sockets): an IPv4 address itself, an IPv6 address its /64. One home or host is given a
 * whole /64 and could otherwise come from a new address every time.
 */
public final class ClientNetwork {

    private ClientNetwork() {
    }

    /** {@code address}'s key; a string that is not an address literal is its own key and is never looked up as a name. */
    public static String of(String address) {
        String a = address == null ? "" : address;
        if (!ipv6Literal(a)) {
            return a;
        }
        try {
            byte[] b = InetAddress.getByName(a).getAddress();   // a literal: no name look-up
            return b.length == 16 ? HexFormat.of().formatHex(b, 0, 8) + "::/64" : a;
        } catch (UnknownHostException | SecurityException e) {
            return a;
        }
    }

    /**
     * Whether a client address is this machine itself: 127.0.0.1 or ::1, not other loopback addresses (which
     * tests and benchmarks use as other clients). The budgets per address leave it alone (see
     * {@code step.NewSessions#thisMachine}).
     */
    public static boolean thisHost(String address) {
        return "127.0.0.1".equals(address) || "::1".equals(address) || "0:0:0:0:0:0:0:1".equals(address);
    }

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    /**
     * Whether {@code text} may be handed to {@link InetAddress#getByName} as an IPv6 literal: a colon, only hex
     * digits, colons and dots, and a hex digit or a colon first. Given such a string, the JDK parses it or refuses
     * it; given one that begins with anything else (".::", "..1:2:3") it asks the name service, which can take
     * seconds — on an event loop, for one forged {@code X-Forwarded-For}.
     */
    public static boolean ipv6Literal(String text) {
        return text.indexOf(':') >= 0 && text.length() <= 64 && IPV6.matcher(text).matches();
    }
}
