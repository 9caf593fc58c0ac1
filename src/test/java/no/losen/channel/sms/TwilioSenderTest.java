package no.losen.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Twilio's Messages API as Twilio documents it, against a real HTTP server standing in for api.twilio.com. */
class TwilioSenderTest {

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> auths = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();

    private String serve(int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            paths.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            auths.add(ex.getRequestHeaders().getFirst("Authorization"));
            Map<String, String> form = new LinkedHashMap<>();
            for (String kv : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] p = kv.split("=", 2);
                form.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), URLDecoder.decode(p[1], StandardCharsets.UTF_8));
            }
            forms.add(form);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void eachMessageIsOnePostInOrderFromTheNumberThePersonWroteTo() throws Exception {
        TwilioSender s = new TwilioSender(serve(201), "AC123", "token", HttpClient.newHttpClient());
        s.send(new SmsSender.Recipient("+4791234567", "+4759440000"), List.of("Én & to", "مرحبا")).toCompletableFuture().join();
        assertThat(paths).containsExactly("POST /2010-04-01/Accounts/AC123/Messages.json",
                "POST /2010-04-01/Accounts/AC123/Messages.json");
        assertThat(auths).allMatch(a -> a.equals("Basic " + Base64.getEncoder()
                .encodeToString("AC123:token".getBytes(StandardCharsets.UTF_8))));
        assertThat(forms).containsExactly(
                Map.of("To", "+4791234567", "From", "+4759440000", "Body", "Én & to"),
                Map.of("To", "+4791234567", "From", "+4759440000", "Body", "مرحبا"));
    }

    @Test
    void aRefusalFailsTheSendAndStopsTheRest() throws Exception {
        TwilioSender s = new TwilioSender(serve(401), "AC123", "wrong", HttpClient.newHttpClient());
        assertThatThrownBy(() -> s.send(new SmsSender.Recipient("+4791234567", "+4759440000"), List.of("a", "b"))
                .toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).cause().hasMessage("twilio answered 401");
        assertThat(paths).hasSize(1);
    }
}
