package no.losen.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who a request's client is, for every limit: the peer, or behind a trusted proxy the address it forwarded, in one form. */
class ClientAddressTest {

    private static final SocketAddress PROXY = SocketAddress.inetSocketAddress(40000, "127.0.0.1");
    private final ClientAddress behindProxy = new ClientAddress(List.of("127.0.0.1"));

    private static MultiMap forwarded(String... values) {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        for (String v : values) {
            h.add("X-Forwarded-For", v);
        }
        return h;
    }

    private String client(String... forwarded) {
        return behindProxy.of(PROXY, forwarded(forwarded));
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
        assertThat(ClientAddress.direct().of(SocketAddress.inetSocketAddress(40000, "192.0.2.7"), forwarded("203.0.113.1")))
                .isEqualTo("192.0.2.7");
    }

    @Test
    void behindATrustedProxyTheRightmostEntryIsTheClientNotWhatTheClientWroteLeftOfIt() {
        assertThat(client("10.9.9.9, 203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(client("10.9.9.9", "203.0.113.6")).isEqualTo("203.0.113.6");
        assertThat(client()).isEqualTo("127.0.0.1");
    }

    @Test
    void oneAddressIsOneClientHoweverTheProxyWroteIt() {
        // A proxy that writes the client's port made each connection a new client (an independent tester).
        assertThat(client("198.51.100.9:51234")).isEqualTo("198.51.100.9");
        assertThat(client("198.51.100.9:443")).isEqualTo("198.51.100.9");
        assertThat(client("::ffff:198.51.100.9")).isEqualTo("198.51.100.9");
        assertThat(client("198.051.100.09")).isEqualTo("198.51.100.9");
        assertThat(client("[2001:db8:9::1]:51234")).isEqualTo(client("2001:db8:9:0::1"));
    }

    @Test
    void anEntryNamingATrustedProxyIsAHopBeforeItAndTheClientIsFurtherLeft() {
        // Two proxies on one host: the second appends the first's 127.0.0.1.
        assertThat(client("203.0.113.8, 127.0.0.1")).isEqualTo("203.0.113.8");
        assertThat(client("127.0.0.1")).as("a client on the proxy's own host").isEqualTo("127.0.0.1");
        // With "*" nothing is passed: the leftmost entry would be whatever the client wrote.
        assertThat(new ClientAddress(List.of("*")).of(PROXY, forwarded("6.6.6.6, 203.0.113.8"))).isEqualTo("203.0.113.8");
    }

    @Test
    void whatIsNoAddressStaysAKeyOfItsOwnAndIsNeverLookedUp() {
        assertThat(client("unknown")).isEqualTo("unknown");
        assertThat(client("_hidden")).isEqualTo("_hidden");
        assertThat(client("example.org")).isEqualTo("example.org");
        assertThat(client("..1:2:3")).as("a dot first is no literal: never handed to the name service").isEqualTo("..1:2:3");
        assertThat(client("x".repeat(65))).as("too long for a key: the proxy").isEqualTo("127.0.0.1");
        assertThat(client("")).isEqualTo("127.0.0.1");
    }
}
