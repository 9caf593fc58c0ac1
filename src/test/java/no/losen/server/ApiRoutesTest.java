package no.losen.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import no.losen.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiRoutesTest {

    @RegisterExtension
    static final LosenServerExtension server = LosenServerExtension.defaults()
            .with(c -> c.withContent(Fixtures.BASIC)).with(TestServer::lenient);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysUpWithoutCounts() throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject h = new JsonObject(r.body());
        assertThat(h.getString("status")).isEqualTo("UP");
        assertThat(h.containsKey("dialogs")).as("counts are on the management port only (HealthRoutesTest)").isFalse();
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void listsDialogsByAudienceWithTitlesInTheAskedLanguage() throws Exception {
        JsonArray pub = new JsonArray(get("/api/dialogs?audience=public&lang=en").body());
        assertThat(pub).hasSize(1);
        JsonObject d = pub.getJsonObject(0);
        assertThat(d.getString("id")).isEqualTo("demo");
        assertThat(d.getString("title")).isEqualTo("Demo");
        assertThat(d.getString("audience")).isEqualTo("public");
        assertThat(d.getJsonArray("languages").getList()).containsExactly("nb", "en", "ar");
        assertThat(new JsonArray(get("/api/dialogs").body())).hasSize(2);
        assertThat(get("/api/dialogs?audience=everyone").statusCode()).isEqualTo(400);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }
}
