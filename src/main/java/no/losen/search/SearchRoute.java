package no.losen.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import no.losen.dialog.DialogException;
import no.losen.dialog.ErrorCode;
import no.losen.http.ClientAddress;
import no.losen.http.HeldRefusal;
import no.losen.metrics.Metrics;
import no.losen.step.TextWorkers;

/**
 * {@code GET /api/search?q=&lang=&k=&mode=} over {@link HandbookSearch}. On the server, every
 * search runs on the text workers with the client address's share ({@link TextWorkers}): a
 * typical query takes a few milliseconds, but a 1,000-character one 40–70 ms, and a flood of them
 * on an event loop stalled every conversation on it; a full share answers 503 {@code busy} with
 * {@code Retry-After}, after a hold, and closes the connection ({@link HeldRefusal}). Without
 * workers (tools, tests) it runs as before: on the event loop, and model-backed modes (network
 * calls) on a worker thread. Query text is never logged.
 */
public final class SearchRoute {

    private SearchRoute() {}

    /** Searches on the event loop (model-backed modes on a worker): for tools and tests. */
    public static Handler<RoutingContext> handler(HandbookSearch search) {
        return ctx -> handle(ctx, search, null, null, q -> Optional.empty(), Metrics.none());
    }

    /**
     * Searches on {@code workers}, each client (as {@code clients} tells) within its share. A question
     * without {@code lang} is taken to be in the language {@code language} is sure of (the dialogs'
     * examples know Latin-script Polish, Somali or French, which the search's own detection reads as
     * Norwegian or English), else detected by the search.
     */
    public static Handler<RoutingContext> handler(HandbookSearch search, TextWorkers workers, ClientAddress clients,
                                                  Function<String, Optional<String>> language, Metrics metrics) {
        return ctx -> handle(ctx, search, workers, clients, language, metrics);
    }

    private static void handle(RoutingContext ctx, HandbookSearch search, TextWorkers workers, ClientAddress clients,
                               Function<String, Optional<String>> language, Metrics metrics) {
        SearchRequest request;
        try {
            request = parse(ctx);
        } catch (InvalidSearchRequest e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        if (workers != null) {
            // The guess of the language too runs here (half a millisecond for 1,000 characters), not on the event loop.
            // Counted as the conversations' searches and refusals are: latency, busy as a limit, faults as errors.
            workers.submit(clients.of(ctx.request()), () -> {
                        long t = System.nanoTime();
                        SearchResponse r = search.search(inLanguage(request, language));
                        metrics.search(System.nanoTime() - t);
                        return r;
                    })
                    .onSuccess(r -> respond(ctx, r))
                    .onFailure(e -> {
                        if (e instanceof DialogException d && d.code() == ErrorCode.BUSY) {
                            metrics.limit("text_workers");
                            metrics.error("busy");
                            HeldRefusal.send(ctx.vertx(), ctx.request(), () -> error(ctx, 503, "busy"));
                        } else {
                            metrics.error(e instanceof InvalidSearchRequest ? "bad_request" : "internal");
                            error(ctx, e instanceof InvalidSearchRequest ? 400 : 500,
                                    e instanceof InvalidSearchRequest ? e.getMessage() : "search failed");
                        }
                    });
            return;
        }
        if (search.usesModels(request.mode())) {
            ctx.vertx().executeBlocking(() -> search.search(inLanguage(request, language)), false)
                    .onSuccess(r -> respond(ctx, r))
                    .onFailure(e -> error(ctx, e instanceof InvalidSearchRequest ? 400 : 500,
                            e instanceof InvalidSearchRequest ? e.getMessage() : "search failed"));
            return;
        }
        try {
            respond(ctx, search.search(inLanguage(request, language)));
        } catch (InvalidSearchRequest e) {
            error(ctx, 400, e.getMessage());
        }
    }

    /** {@code request}, or without a language, in the one {@code language} is sure of (else still without). */
    private static SearchRequest inLanguage(SearchRequest request, Function<String, Optional<String>> language) {
        return request.lang() != null ? request
                : language.apply(request.q()).map(l -> new SearchRequest(request.q(), l, request.k(), request.mode())).orElse(request);
    }

    static SearchRequest parse(RoutingContext ctx) {
        io.vertx.core.MultiMap params;
        try {
            params = ctx.request().params();
        } catch (IllegalArgumentException e) {
            // Its message quotes the query string (what the person asked): never passed on or logged.
            throw new InvalidSearchRequest("the query string is not well-formed: a % must be followed by two hex digits");
        }
        String kParam = params.get("k");
        int k = SearchRequest.DEFAULT_K;
        if (kParam != null && !kParam.isBlank()) {
            try {
                k = Integer.parseInt(kParam.trim());
            } catch (NumberFormatException e) {
                throw new InvalidSearchRequest("k must be a whole number between 1 and " + SearchRequest.MAX_K);
            }
        }
        return new SearchRequest(params.get("q"), params.get("lang"), k, SearchMode.parse(params.get("mode")));
    }

    static JsonObject toJson(SearchResponse r) {
        JsonArray results = new JsonArray();
        for (SearchResult s : r.results()) {
            results.add(new JsonObject().put("source", s.source()).put("title", s.title())
                    .put("section", s.section()).put("text", s.text()).put("score", s.score())
                    .put("start", s.start()).put("end", s.end())
                    .put("excerpt", s.excerpt()).put("marks", marks(s.marks())).put("textLang", s.textLang()));
        }
        JsonObject body = new JsonObject().put("results", results).put("lang", r.lang());
        if (r.answer() != null) {
            body.put("answer", r.answer());
        }
        return body;
    }

    private static JsonArray marks(java.util.List<int[]> marks) {
        JsonArray a = new JsonArray();
        marks.forEach(m -> a.add(new JsonArray().add(m[0]).add(m[1])));
        return a;
    }

    private static void respond(RoutingContext ctx, SearchResponse r) {
        ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(toJson(r).encode());
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }
}
