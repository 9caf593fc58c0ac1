package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** A flood of refusals must not become a flood of log lines, and a malformed request no ERROR. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusalLoggingTest {

    private final LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private TestServer server;

    @BeforeEach
    void up() {
        captured.setContext(ctx);
        captured.start();
        root.addAppender(captured);
        server = new TestServer(Config.defaults().withPort(0).withContent(Fixtures.BASIC)
                .withAllowedOrigins(List.of("https://allowed.example")).withPublicUrl("https://losen.example"));
    }

    @AfterEach
    void down() {
        server.close();
        root.detachAppender(captured);
        root.setLevel(Level.WARN);
    }

    private List<String> lines(String containing) {
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(containing))
                .toList();
    }

    @Test
    void anHttp11RequestWithoutAHostOrWithAnEmptyOneIsAnswered400WithoutAnErrorInTheLog() throws Exception {
        for (String host : List.of("", "Host:\r\n", "Host: \r\n")) {
            for (String path : List.of("/", "/staff", "/ws", "/health/live")) {
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    s.setSoTimeout(10_000);
                    InputStream in = s.getInputStream();
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    in.transferTo(all);
                    assertThat(all.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 400");
                }
            }
        }
        assertThat(captured.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    /** The whole answer to {@code GET target}, sent as written (a client library would mend a malformed escape). */
    private String get(String target) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(10_000);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            s.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMalformedEscapeInTheQueryIsAnswered400AndWhatWasAskedReachesNoLog() throws Exception {
        for (String path : List.of("/chat?q=Storgata%205%zz", "/api/dialogs?x=Storgata%zz", "/api/boot?lang=Storgata%zz",
                "/api/search?q=Storgata%zz")) {
            assertThat(get(path)).as(path).startsWith("HTTP/1.1 400").doesNotContain("Storgata");
        }
        assertThat(captured.list).noneMatch(e -> (e.getFormattedMessage() + e.getThrowableProxy()).contains("Storgata"));
        assertThat(captured.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @Test
    void aMalformedEscapeInThePathIsAnswered400WithoutAnErrorInTheLog() throws Exception {
        for (String path : List.of("/%zz", "/api/ui/%zz", "/widget/a%2", "/staff/%G0", "/ws%")) {
            assertThat(get(path)).as(path).startsWith("HTTP/1.1 400");
        }
        assertThat(captured.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @Test
    void aSocketSendingRefusedFramesInALoopLogsOneLinePerKindAMinute() {
        root.setLevel(Level.INFO);
        try (var c = server.connect()) {
            for (int i = 0; i < 15; i++) {
                c.send("{\"type\":\"choose\",\"choice\":\"x\"}");
                assertThat(c.next().getString("code")).isEqualTo("no_session");
            }
        }
        for (int i = 0; i < 40; i++) {
            try (var c = server.connect()) {
                c.send("{\"type\":\"choose\",\"choice\":\"x\"}").next();
            }
        }
        assertThat(lines("event=ws.refused code=no_session")).hasSize(1);
    }

    @Test
    void aFloodOfWebhookRequestsNobodyConfiguredIsRefusedEachTimeAndLoggedOnceAMinute() throws Exception {
        root.setLevel(Level.INFO);
        for (String path : List.of("/sms/inbound", "/sms/twilio", "/whatsapp")) {
            for (int i = 0; i < 30; i++) {
                String body = "{\"from\":\"+4791234567\",\"text\":\"Storgata\",\"id\":\"x" + i + "\"}";
                assertThat(post(path, body)).as(path).startsWith("HTTP/1.1 503");
            }
        }
        assertThat(lines("event=sms.refused gateway=json")).hasSize(1);
        assertThat(lines("event=sms.refused gateway=twilio")).hasSize(1);
        assertThat(lines("event=whatsapp.refused")).hasSize(1);
        assertThat(captured.list).noneMatch(e -> e.getFormattedMessage().contains("Storgata"));
    }

    private String post(String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.setSoTimeout(10_000);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            s.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
