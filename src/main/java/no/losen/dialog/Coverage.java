package no.losen.dialog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.losen.content.Fact;

/**
 * Which topic of a dialog covers a handbook passage, so a search card can lead from the passage to the
 * dialog's own answer ("Does this apply to you? I am from an EU or EEA country").
 *
 * <p>A topic covers a passage when a fact its node shows is quoted from the sentences the card shows
 * of it (its excerpt): the link is written by the people who wrote the facts and checked them against
 * the corpus, not guessed, and it is about what the person reads. Matched anywhere in the 1,200
 * characters of a passage, a link could name a line the excerpt left out (an independent tester: a
 * passage on interpreters led to "Children", for one sentence on children as interpreters). A model
 * was measured first and not taken: the topic model read on a passage (long Norwegian prose, unlike
 * the short messages it learnt from) named the question's topic for 12–15 % of the links it drew, on
 * the cross-validation examples that reach the handbook (docs/measurements.md, "Free text"). A passage no fact quotes
 * gets no link; the topics the message itself may be about are still offered as choices.
 *
 * <p>Left out, as saying little about what a passage is about: phone numbers (the same helpline is
 * quoted across the handbook), and a fact shown under more than one topic. The topic's node and the
 * nodes it passes through ({@code next}, routers) count.
 */
final class Coverage {

    /** Where a topic's facts are quoted: a corpus document and the quote, as {@link TextMatcher#normalize} writes it. */
    private record Quote(String doc, String normalized, Topic topic) {
    }

    /** A quote longer than this counts when its start stands in the passage: passages are cut at sentences. */
    private static final int PREFIX = 60;

    private final Map<String, List<Quote>> byDialog = new HashMap<>();

    Coverage(DialogSet set) {
        for (Dialog d : set.dialogs().values()) {
            Map<Topic, List<Fact>> shown = new LinkedHashMap<>();
            Map<String, Integer> topicsShowing = new HashMap<>();
            for (Topic t : d.topics()) {
                if (t.label() == null || t.target().equals(d.dangerTopic().map(Topic::target).orElse(null))) {
                    continue;
                }
                List<Fact> facts = facts(set, d, t.target());
                shown.put(t, facts);
                facts.stream().map(Fact::id).distinct().forEach(id -> topicsShowing.merge(id, 1, Integer::sum));
            }
            List<Quote> quotes = new ArrayList<>();
            for (Map.Entry<Topic, List<Fact>> e : shown.entrySet()) {
                Topic t = e.getKey();
                for (Fact f : e.getValue()) {
                    if (topicsShowing.get(f.id()) > 1) {
                        continue;   // the signs of trafficking, shown under debt, a kept passport and control alike
                    }
                    for (Fact.Source s : f.sources() == null ? List.<Fact.Source>of() : f.sources()) {
                        String q = TextMatcher.normalize(s.quote());
                        if (!q.isEmpty()) {
                            quotes.add(new Quote(s.doc(), q.length() > PREFIX ? q.substring(0, PREFIX) : q, t));
                        }
                    }
                }
            }
            byDialog.put(d.id(), List.copyOf(quotes));
        }
    }

    /** The topic whose facts are quoted in {@code hit}'s excerpt (the one quoted most when several are), if any. */
    Optional<Topic> of(Dialog d, Card.Hit hit) {
        List<Quote> quotes = byDialog.getOrDefault(d.id(), List.of());
        if (quotes.isEmpty() || hit.text() == null && hit.excerpt() == null) {
            return Optional.empty();
        }
        String text = TextMatcher.normalize(hit.excerpt() != null ? hit.excerpt() : hit.text());
        Map<Topic, Integer> found = new HashMap<>();
        for (Quote q : quotes) {
            if (q.doc().equals(hit.source()) && text.contains(q.normalized())) {
                found.merge(q.topic(), 1, Integer::sum);
            }
        }
        Topic best = null;
        for (Topic t : d.topics()) {   // ties go to the topic listed first, so the link does not depend on hashing
            if (found.containsKey(t) && (best == null || found.get(t) > found.get(best))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The facts shown (not phone numbers) at {@code target} and the nodes it passes through without a choice. */
    private static List<Fact> facts(DialogSet set, Dialog d, String target) {
        List<Fact> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(target));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            Node n = seen.add(id) ? d.node(id).orElse(null) : null;
            if (n == null) {
                continue;
            }
            for (CardSpec c : n.cards()) {
                List<String> refs = new ArrayList<>(c.contacts() == null ? List.of() : c.contacts());
                if (c.ref() != null) {
                    refs.add(c.ref());
                }
                for (String ref : refs) {
                    set.facts().find(ref).filter(f -> !"phone".equals(f.kind())).ifPresent(out::add);
                }
            }
            if (n.next() != null) {
                todo.add(n.next());
            }
            n.route().forEach(r -> todo.add(r.target()));
        }
        return out;
    }
}
