package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started again on the same cache serves what its content files say now, never what they said before. */
class ContentCacheServerTest {

    @TempDir
    Path tmp;

    private String languagesServedBy(Config config) {
        try (TestServer s = new TestServer(config)) {
            TestServer.Response r = s.get("/api/languages");
            assertThat(r.status()).isEqualTo(200);
            return r.body();
        }
    }

    @Test
    void aRestartAfterAnEditServesTheEditAndARestartWithoutOneReadsTheCache() throws IOException {
        Path content = Fixtures.copyOfBasic(tmp.resolve("content"));
        Path cache = tmp.resolve("cache");
        Config config = Config.defaults().withPort(0).withContent(content).toBuilder().cacheDir(cache).build();

        assertThat(languagesServedBy(config)).contains("\"English\"");
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("content-"));
        }
        Path en = content.resolve("translations/en.yaml");
        Files.writeString(en, Files.readString(en).replace("name: English", "name: Engelsk"));

        assertThat(languagesServedBy(config)).contains("\"Engelsk\"").doesNotContain("\"English\"");
        assertThat(languagesServedBy(config)).contains("\"Engelsk\"");
    }
}
