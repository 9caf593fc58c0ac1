package no.losen.search.internal;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client for model endpoints. Plain HTTP/1.1: the JDK client otherwise offers an h2c
 * upgrade on {@code http://} URLs, which some servers leave hanging on a request with a body
 * (a local Ollama or a proxy is usually plain http).
 */
final class ModelHttp {

    private ModelHttp() {
    }

    static JdkHttpClientBuilder client(Duration timeout) {
        return JdkHttpClient.builder()
                .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(timeout);
    }
}
