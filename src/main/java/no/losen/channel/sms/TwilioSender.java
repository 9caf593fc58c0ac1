package no.losen.channel.sms;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Twilio's send side: one {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} per
 * message ({@code To}, {@code From}, {@code Body}, HTTP basic auth with the account SID and the
 * auth token), one after the other so they arrive in order. {@code From} is the number the
 * person wrote to, so the answer comes from where they expect it.
 */
public final class TwilioSender implements SmsSender {

    /** Twilio's REST API. */
    public static final String API = "https://api.twilio.com";

    private final URI messages;
    private final String auth;
    private final HttpClient http;

    /** @param api {@link #API}, or a stand-in's base URL in tests */
    public TwilioSender(String api, String accountSid, String authToken, HttpClient http) {
        this.messages = URI.create(api.replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json");
        this.auth = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken)
                .getBytes(StandardCharsets.UTF_8));
        this.http = http;
    }

    /** The form body of one message. */
    static String form(Recipient to, String text) {
        StringBuilder b = new StringBuilder();
        b.append("To=").append(URLEncoder.encode(to.phone(), StandardCharsets.UTF_8));
        if (to.via() != null) {
            b.append("&From=").append(URLEncoder.encode(to.via(), StandardCharsets.UTF_8));
        }
        b.append("&Body=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        return b.toString();
    }

    @Override
    public CompletionStage<Void> send(Recipient to, List<String> texts) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (String text : texts) {
            chain = chain.thenCompose(v -> one(to, text));
        }
        return chain;
    }

    private CompletionStage<Void> one(Recipient to, String text) {
        HttpRequest r = HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(10))
                .header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(to, text))).build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).thenAccept(res -> {
            if (res.statusCode() / 100 != 2) {
                throw new JsonSender.SendFailed("twilio", res.statusCode());
            }
        });
    }
}
