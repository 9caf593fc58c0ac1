package no.losen.dialog.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.losen.dialog.Card;
import no.losen.dialog.Command;
import no.losen.dialog.DialogException;
import no.losen.dialog.Engine;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.dialog.Setup;

/**
 * Plays a {@link Script} against the engine and lists every expectation that failed, each
 * with the script's line, so an author can fix a dialog without reading Java.
 */
public final class ScriptRunner {

    private final Engine engine;

    public ScriptRunner(Engine engine) {
        this.engine = engine;
    }

    /** The failures of one script; empty when it passes. */
    public List<String> run(Script script) {
        List<String> failures = new ArrayList<>();
        Engine engine = script.setup().isEmpty() ? this.engine : this.engine.withSetup(Setup.of(script.setup()));
        Session session = null;
        for (Script.Turn turn : script.turns()) {
            Reply reply = null;
            String error = null;
            try {
                Engine.Turn t = step(engine, script, session, turn);
                if (t == null) {
                    session = null;
                } else {
                    session = t.session();
                    reply = t.reply();
                }
            } catch (DialogException e) {
                error = e.code().code();
            }
            List<String> problems = new Expectation(turn.expect()).check(reply, error);
            if (reply != null && !script.allowFallback() && !reply.fallbacks().isEmpty()) {
                problems.add("texts missing in " + reply.lang() + ": " + reply.fallbacks());
            }
            for (String p : problems) {
                failures.add(turn.at() + ": " + turn.describe() + ": " + p);
            }
            if (error != null && (turn.expect() == null || !turn.expect().has("error"))) {
                break;
            }
        }
        return failures;
    }

    private static Engine.Turn step(Engine engine, Script script, Session s, Script.Turn turn) {
        JsonNode a = turn.arg();
        switch (turn.kind()) {
            case "start" -> {
                String dialog = a != null && a.isTextual() ? a.asText() : a != null ? a.path("dialog").asText(script.dialog())
                        : script.dialog();
                String lang = a != null && a.isObject() && a.has("lang") ? a.get("lang").asText() : script.lang();
                return engine.start(dialog, lang, script.staff());
            }
            case "end" -> {
                return null;
            }
            default -> {
                if (s == null) {
                    throw new DialogException(no.losen.dialog.ErrorCode.NO_SESSION, "no session");
                }
                return engine.apply(s, command(turn.kind(), a));
            }
        }
    }

    private static Command command(String kind, JsonNode a) {
        return switch (kind) {
            case "choose" -> {
                if (a.isArray()) {
                    List<String> ids = new ArrayList<>();
                    a.forEach(x -> ids.add(x.asText()));
                    yield new Command.Choose(ids, true);
                }
                yield Command.Choose.one(a.asText());
            }
            case "text" -> new Command.Type(a.asText());
            case "back" -> new Command.Back();
            case "restart" -> new Command.Restart();
            default -> new Command.Lang(a.asText());
        };
    }

    /** Card types and ids shown (a search card: the topics its passages lead to), for {@code cards:} expectations. */
    static List<String> cardNames(Reply r) {
        List<String> out = new ArrayList<>();
        for (Card c : r.cards()) {
            out.add(c.type());
            if (c instanceof Card.Contact k && k.id() != null) {
                out.add(k.id());
            } else if (c instanceof Card.Fact f && f.id() != null) {
                out.add(f.id());
            } else if (c instanceof Card.Search k) {
                k.results().stream().filter(h -> h.topic() != null).map(h -> h.topic().id()).distinct().forEach(out::add);
            }
        }
        return out;
    }
}
