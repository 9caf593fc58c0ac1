package no.losen.channel.sms;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import no.losen.channel.internal.Replies;
import no.losen.channel.internal.Serial;
import no.losen.content.Translations;
import no.losen.dialog.Audience;
import no.losen.dialog.Card;
import no.losen.dialog.Engine;
import no.losen.dialog.Reply;
import no.losen.dialog.Session;
import no.losen.step.Steps;

/**
 * A conversation over SMS: the same engine and words as the widget, driven by keywords and
 * numbers. The first message from an unknown phone gets the language menu and nothing is
 * stored until a language is chosen; from then on the phone's session lives in the store
 * under its {@link PhoneKey}, for the same idle TTL as any other session. STOP erases it at once.
 */
public final class SmsConversation {

    private static final String PREFIX = "sms:";

    /** What one inbound message does: the text to send, and what becomes of the stored session. */
    record Outcome(List<String> blocks, Session keep, boolean erase) {
        static Outcome say(String text) {
            return new Outcome(List.of(text), null, false);
        }

        static Outcome say(List<String> blocks) {
            return new Outcome(blocks, null, false);
        }
    }

    private final Engine engine;
    private final Steps steps;
    private final PhoneKey keys;
    private final String dialogId;
    private final SmsTexts texts;
    private final SmsRenderer renderer;
    private final Replies<List<String>> replies;
    private final PhoneTurns<List<String>> turns;
    private final Serial serial = new Serial();

    /**
     * @param steps the server's step service; the conversation speaks through its engine's SMS
     *              variant ({@link Engine#withVariant}), so every text with a short {@code .sms} form is sent short
     */
    public SmsConversation(Steps steps, PhoneKey keys, String dialogId) {
        this.engine = steps.engine().withVariant(Translations.SMS);
        this.steps = steps;
        this.keys = keys;
        this.dialogId = dialogId;
        this.texts = new SmsTexts(engine.dialogs().translations());
        this.renderer = new SmsRenderer(texts);
        // Bounded: at most this many remembered replies (a few hundred bytes each); the oldest go first.
        this.replies = new Replies<>(steps.ttl(), 50_000);
        this.turns = new PhoneTurns<>(engine, dialogId, texts, new PhoneTurns.Looks<>() {
            @Override
            public List<String> node(Reply reply, boolean canGoBack) {
                return renderer.blocks(reply, canGoBack);
            }

            @Override
            public List<String> menu(List<String> langs, Map<String, String> emergency) {
                return List.of(renderer.menu(langs, emergency));
            }

            @Override
            public List<String> words(String text) {
                return List.of(text);
            }

            @Override
            public List<String> search(Card.Search card, String lang) {
                return List.of(renderer.search(card, lang));
            }
        }, "sms");
    }

    /** Whether the dialog SMS starts is loaded and public; without it the endpoints refuse (503). */
    public boolean ready() {
        return engine.dialogs().dialog(dialogId).filter(d -> d.audience() == Audience.PUBLIC).isPresent();
    }

    public String dialogId() {
        return dialogId;
    }

    /**
     * The messages to send back for one inbound SMS; the same ones again for a retried {@code id}.
     * The step goes through {@link Steps} (any text may reach the handbook search, so on the text
     * workers, with the phone as the client whose share it uses); a failure arrives as the step
     * service's {@link DialogException}.
     */
    public Future<List<String>> handle(String gateway, Inbound in) {
        String phone = keys.of(in.from());
        String prefix = phone + "/";
        String replay = prefix + gateway + "/" + in.id();
        String text = in.text() == null ? "" : in.text();
        return replies.once(replay, () -> serial.run(phone, () -> steps.run(PREFIX + phone,
                new Steps.Caller("sms", phone), true, s -> {
                    Outcome o = step(s.orElse(null), text);
                    List<String> packed = Segments.pack(o.blocks(), Segments.BUDGET);
                    return new no.losen.step.Outcome<>(new Sent(packed, o.erase()), o.keep(), o.erase());
                }).map(sent -> {
                    if (sent.erased()) {
                        // STOP: the phone's past replies go too, now that its session is gone.
                        replies.forget(prefix, replay, List.of());
                    }
                    return sent.messages();
                })));
    }

    /** The packed messages of one step, and whether the step erased the session (STOP). */
    private record Sent(List<String> messages, boolean erased) {
    }

    /**
     * One message against the phone's session (null: none yet). Pure: no store, no I/O. A session
     * whose dialog or node is gone (new content since) is dropped and the phone starts afresh.
     */
    Outcome step(Session session, String raw) {
        PhoneTurns.Turn<List<String>> t = turns.step(session, raw);
        return new Outcome(t.shown(), t.keep(), t.erase());
    }
}
