package no.losen.search.dev;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import no.losen.search.HandbookSearch;
import no.losen.search.SearchConfig;
import no.losen.search.SearchRoute;

/**
 * Developer launcher: serves /api/search alone on 127.0.0.1 for retrieval-eval, until the
 * search is wired into no.losen.server. Usage: DevSearchServer [port] [contentRoot].
 */
public final class DevSearchServer {
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        long t0 = System.nanoTime();
        HandbookSearch search = HandbookSearch.build(root, SearchConfig.fromEnv(System.getenv()));
        System.out.printf("index built in %d ms (%d passages)%n", (System.nanoTime() - t0) / 1_000_000, search.passageCount());
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/api/search").handler(SearchRoute.handler(search));
        vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                .onSuccess(s -> System.out.println("listening on 127.0.0.1:" + s.actualPort()))
                .onFailure(e -> { e.printStackTrace(); System.exit(1); });
    }
}
