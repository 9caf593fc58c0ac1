package no.losen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A client counts by its IPv4 address, or by its IPv6 /64; anything else is its own key, never a name to look up. */
class ClientNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(ClientNetwork.of("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareAKey() {
        assertThat(ClientNetwork.of("2001:db8:1:2::1")).isEqualTo(ClientNetwork.of("2001:db8:1:2:ffff::9"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientNetwork.of("2001:db8:1:3::1")).isNotEqualTo(ClientNetwork.of("2001:db8:1:2::1"));
    }

    @Test
    void aStringThatIsNotAnAddressIsNeverLookedUpAsAName() {
        assertThat(ClientNetwork.of("not:an address")).isEqualTo("not:an address");
        assertThat(ClientNetwork.of("example.org:80")).isEqualTo("example.org:80");
        assertThat(ClientNetwork.of(null)).isEmpty();
    }

    @Test
    void onlyWhatTheJdkParsesWithoutAskingTheNameServiceIsTakenForAnIpv6Literal() {
        assertThat(ClientNetwork.ipv6Literal("2001:db8::1")).isTrue();
        assertThat(ClientNetwork.ipv6Literal("::ffff:192.0.2.1")).isTrue();
        assertThat(ClientNetwork.ipv6Literal("dead:beef")).as("refused by the JDK's parser, not looked up").isTrue();
        assertThat(ClientNetwork.ipv6Literal(".::")).as("a dot first: the JDK would ask the name service").isFalse();
        assertThat(ClientNetwork.ipv6Literal("..1:2:3")).isFalse();
        assertThat(ClientNetwork.ipv6Literal("192.0.2.1")).isFalse();
        assertThat(ClientNetwork.of("..1:2:3")).isEqualTo("..1:2:3");
    }
}
