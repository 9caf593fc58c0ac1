package no.losen.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import no.losen.Fixtures;
import no.losen.metrics.Metrics;
import no.losen.server.Config;
import no.losen.server.Operations;
import no.losen.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The budget of new connections per client address, against a real server: a client opening
 * connections just within it is served every time, one just over it is answered {@code 429}
 * (after the hold, unparsed) while another address is served at once. A pipelined request read
 * while an earlier answer cannot leave is played on an embedded channel (on loopback the kernel
 * takes a whole answer). The caps on connections held and the request-head deadline are in
 * {@code channel.ws.LimitsTest}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionGuardTest {

    static TestServer server(ConnectionRate.Limit limit) {
        return new TestServer(Config.defaults().withPort(0).withContent(Fixtures.BASIC)
                .withOps(Operations.DEFAULT.withNewConnections(limit)));
    }

    /** One request on a new connection from {@code from}: the status line's code, and how long the answer took. */
    record Answer(int status, String head, long millis) {
    }

    static Answer get(TestServer s, String from) throws IOException {
        long t0 = System.nanoTime();
        try (Socket c = new Socket(InetAddress.getByName("127.0.0.1"), s.port(), InetAddress.getByName(from), 0)) {
            c.setSoTimeout(10_000);
            c.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String head = head(c.getInputStream());
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int ch;
        while ((ch = in.read()) >= 0) {
            b.append((char) ch);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }

    @Test
    void anAddressOpeningItsBurstIsServedAndOneMoreIsAnswered429AfterTheHoldWhileAnotherAddressIsServed() throws Exception {
        // Five at once, then one every 100 s: nothing refills during the test.
        try (TestServer s = server(new ConnectionRate.Limit(5, 0.01))) {
            for (int i = 0; i < 5; i++) {
                assertThat(get(s, "127.0.8.1").status()).as("connection %d of the burst", i + 1).isEqualTo(200);
            }
            Answer over = get(s, "127.0.8.1");
            assertThat(over.status()).as("one over the burst").isEqualTo(429);
            assertThat(over.head()).contains("Retry-After: 1").contains("Connection: close");
            assertThat(over.millis()).as("held before the answer").isGreaterThanOrEqualTo(
                    ConnectionGuard.REFUSAL_HOLD.toMillis() - 50);
            Answer other = get(s, "127.0.8.2");
            assertThat(other.status()).isEqualTo(200);
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"new_connections\"}");
        }
    }

    @Test
    void anAddressStayingJustUnderTheRateIsNeverRefusedAndOneJustOverIs() throws Exception {
        // Two at once, then five a second.
        try (TestServer s = server(new ConnectionRate.Limit(2, 5))) {
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            int served = 0;
            while (System.nanoTime() < until) {
                long next = System.nanoTime() + Duration.ofMillis(250).toNanos();   // four a second
                assertThat(get(s, "127.0.8.3").status()).isEqualTo(200);
                served++;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
            assertThat(served).isGreaterThanOrEqualTo(6);
            // As fast as it can: the burst and the refill are served, then it is refused.
            int refused = 0;
            for (int i = 0; i < 8 && refused == 0; i++) {
                refused += get(s, "127.0.8.4").status() == 429 ? 1 : 0;
            }
            assertThat(refused).as("a client over the rate is refused").isEqualTo(1);
        }
    }

    @Test
    void anAddressOverItsBudgetOfRequestsOnOneConnectionIsAnswered429AfterAHoldWhileAnotherIsServed() throws Exception {
        try (TestServer s = server(ConnectionRate.Limit.DEFAULT);
             Socket c = new Socket(InetAddress.getByName("127.0.0.1"), s.port(), InetAddress.getByName("127.0.0.3"), 0)) {
            c.setSoTimeout(10_000);
            var in = new java.io.BufferedInputStream(c.getInputStream());
            byte[] ask = "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            // One after another, as fast as answered: the burst, and what refilled meanwhile, then a refusal.
            int served = 0;
            String head = "";
            long asked = 0;
            while (served < 2 * RequestRate.BURST) {
                asked = System.nanoTime();
                c.getOutputStream().write(ask);
                head = head(in);
                if (!head.startsWith("HTTP/1.1 200")) {
                    break;
                }
                in.readNBytes(contentLength(head));
                served++;
            }
            assertThat(served).as("the burst is served").isGreaterThanOrEqualTo(RequestRate.BURST);
            assertThat(head).startsWith("HTTP/1.1 429").contains("Retry-After: 1");
            assertThat((System.nanoTime() - asked) / 1_000_000).as("held").isGreaterThanOrEqualTo(900);
            assertThat(get(s, "127.0.0.4").status()).as("another address").isEqualTo(200);
            assertThat(s.get("/metrics").body()).contains("losen_limits_total{limit=\"requests\"}");
        }
    }

    @Test
    void aNextRequestReadWhileAnEarlierAnswerCannotLeaveClosesTheConnectionBeforeItIsServed() {
        // A client that pipelines and does not read: its next request would only add one more answer to hold. On
        // loopback the kernel takes a whole answer, so this is played on an embedded channel made unwritable.
        var limits = new SimpleMeterRegistry();
        Pipelined deaf = pipelined(new Metrics(limits));
        deaf.channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);   // the first answer cannot leave
        deaf.ask();
        assertThat(deaf.served).as("the second request is not served").hasSize(1);
        assertThat(deaf.channel.isOpen()).isFalse();
        assertThat(limits.counter("losen.limits", "limit", "unanswered").count()).isEqualTo(1);

        Pipelined reading = pipelined(Metrics.none());
        reading.ask();
        assertThat(reading.served).as("while answers leave, a pipelined request is served").hasSize(2);
        assertThat(reading.channel.isOpen()).isTrue();
    }

    /** An HTTP/1.1 channel watched by the guard that has read one request and not answered it; {@link #ask} sends one more. */
    private record Pipelined(EmbeddedChannel channel, List<Object> served) {
        void ask() {
            channel.writeInbound(Unpooled.copiedBuffer(
                    "GET /widget.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", StandardCharsets.US_ASCII));
        }
    }

    private static Pipelined pipelined(Metrics metrics) {
        List<Object> served = new ArrayList<>();
        var channel = new EmbeddedChannel(new HttpServerCodec(),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof HttpRequest) {
                            served.add(msg);
                        }
                        ReferenceCountUtil.release(msg);
                    }
                });
        var connection = (HttpConnection) Proxy.newProxyInstance(
                ConnectionGuardTest.class.getClassLoader(), new Class<?>[] {HttpConnection.class},
                (proxy, method, args) -> method.getName().equals("remoteAddress")
                        ? SocketAddress.inetSocketAddress(40_000, "127.0.9.1") : null);
        new ConnectionGuard(Duration.ofSeconds(10), 100, new OpenConnections(100, System::nanoTime),
                new UnsentAnswers(UnsentAnswers.defaultBudget(), System::nanoTime),
                new ConnectionRate(ConnectionRate.Limit.DEFAULT, System::nanoTime), ClientAddress.direct(), metrics,
                c -> Optional.of(channel)).accept(connection);
        Pipelined p = new Pipelined(channel, served);
        p.ask();
        return p;
    }

    private static int contentLength(String head) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
