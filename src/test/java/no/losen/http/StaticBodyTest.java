package no.losen.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A body gzipped once at start-up, and which clients get it gzipped. */
class StaticBodyTest {

    @Test
    void theGzippedBytesAreThePlainOnesCompressed() throws Exception {
        byte[] plain = "const losen = 1;\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        StaticBody body = StaticBody.of(plain);
        assertThat(body.plain()).isSameAs(plain);
        assertThat(body.gzipped().length).isLessThan(plain.length / 20);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(body.gzipped())).readAllBytes()).isEqualTo(plain);
    }

    @Test
    void aClientGetsGzipWhenItListsGzipOrAnyCodingWithAWeightAboveZero() {
        assertThat(StaticBody.acceptsGzip("gzip")).isTrue();
        assertThat(StaticBody.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(StaticBody.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(StaticBody.acceptsGzip("x-gzip")).isTrue();
        assertThat(StaticBody.acceptsGzip("*")).isTrue();
        assertThat(StaticBody.acceptsGzip("*;q=0, gzip")).as("named beats *").isTrue();
    }

    @Test
    void aClientThatDoesNotAskOrRefusesGzipGetsThePlainBytes() {
        assertThat(StaticBody.acceptsGzip(null)).isFalse();
        assertThat(StaticBody.acceptsGzip("")).isFalse();
        assertThat(StaticBody.acceptsGzip("identity")).isFalse();
        assertThat(StaticBody.acceptsGzip("deflate, br")).isFalse();
        assertThat(StaticBody.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(StaticBody.acceptsGzip("gzip; q=0.000, *")).as("named beats *").isFalse();
        assertThat(StaticBody.acceptsGzip("gzip;q=nonsense")).isFalse();
        assertThat(StaticBody.acceptsGzip("gzipped, *;q=0")).isFalse();
    }
}
