package no.losen.translate;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XLIFF 2.0 file back into rows, with the line each unit starts on. StAX with DTDs
 * and external entities off: a file from outside can neither read local files nor expand
 * entities (XXE, billion laughs); a DOCTYPE is refused outright. Inline markup is refused,
 * since Losen's texts are plain text with {@code {placeholders}}.
 */
final class XliffReader {

    private static final String NS = XliffFormat.NS;

    private XliffReader() {
    }

    static Exchange read(String xml) {
        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String lang = null;
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new StringReader(xml));
            Unit u = null;
            String text = null;
            String category = null;
            while (r.hasNext()) {
                int ev = r.next();
                int line = r.getLocation().getLineNumber();
                if (ev == XMLStreamConstants.DTD) {
                    problems.add(line + ": a DOCTYPE is not allowed in an XLIFF file");
                    return new Exchange(lang, List.of(), problems);
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    problems.add(line + ": entity '&" + r.getLocalName() + ";' is not allowed");
                    continue;
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (text != null) {
                        problems.add(line + ": <" + name + "> inside a text: inline markup is not supported; write plain text");
                        continue;
                    }
                    switch (name) {
                        case "xliff" -> {
                            if (!NS.equals(r.getNamespaceURI()) || !"2.0".equals(r.getAttributeValue(null, "version"))) {
                                problems.add(line + ": not an XLIFF 2.0 file (expected version=\"2.0\" and xmlns=\"" + NS + "\")");
                                return new Exchange(null, List.of(), problems);
                            }
                            lang = r.getAttributeValue(null, "trgLang");
                            String src = r.getAttributeValue(null, "srcLang");
                            if (src != null && !src.equals("nb")) {
                                problems.add(line + ": srcLang is '" + src + "'; Losen translates from nb");
                            }
                        }
                        case "unit" -> u = new Unit(r.getAttributeValue(null, "id"), line);
                        case "note" -> {
                            category = r.getAttributeValue(null, "category");
                            text = "";
                        }
                        case "segment" -> {
                            if (u != null) {
                                u.state(r.getAttributeValue(null, "state"), r.getAttributeValue(null, "subState"));
                            }
                        }
                        case "source", "target" -> text = "";
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    if (text != null) {
                        text += r.getText();
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    if (u != null && text != null) {
                        switch (name) {
                            case "note" -> u.notes.putIfAbsent(category == null ? "" : category, text);
                            case "source" -> {
                                u.source.append(text);
                                u.lastSource = text;
                            }
                            case "target" -> {
                                u.target.append(text);
                                u.lastTarget = true;
                            }
                            default -> {
                            }
                        }
                    }
                    if (name.equals("note") || name.equals("source") || name.equals("target")) {
                        text = null;
                        category = null;
                    }
                    if (name.equals("ignorable") && u != null && !u.lastTarget) {
                        // An ignorable without a target (whitespace between segments) reads the same in the target.
                        u.target.append(u.lastSource);
                    }
                    if ((name.equals("ignorable") || name.equals("segment")) && u != null) {
                        u.lastTarget = false;
                        u.lastSource = "";
                    }
                    if (name.equals("unit") && u != null) {
                        rows.add(u.row());
                        u = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            problems.add(line + ": not well-formed XML: " + e.getMessage().replaceAll("(?s)^ParseError.*?Message: ", ""));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open that matters
                }
            }
        }
        if (lang == null && problems.isEmpty()) {
            problems.add("1: the file has no <xliff trgLang=\"…\">");
        }
        return new Exchange(lang, rows, problems);
    }

    /** A unit being read; a tool may have split it into several segments, which are joined again. */
    private static final class Unit {
        final String id;
        final int line;
        final Map<String, String> notes = new LinkedHashMap<>();
        final StringBuilder source = new StringBuilder();
        final StringBuilder target = new StringBuilder();
        String status;
        String lastSource = "";
        boolean lastTarget;

        Unit(String id, int line) {
            this.id = id;
            this.line = line;
        }

        /** The least finished state of all segments wins: one untranslated segment makes the unit untranslated. */
        void state(String state, String subState) {
            String s = switch (state == null ? "initial" : state) {
                case "reviewed", "final" -> "reviewed";
                case "translated" -> "draft";
                default -> "losen:stale".equals(subState) ? "stale" : "missing";
            };
            if (status == null || rank(s) < rank(status)) {
                status = s;
            }
        }

        private static int rank(String s) {
            return switch (s) {
                case "missing" -> 0;
                case "stale" -> 1;
                case "draft" -> 2;
                default -> 3;
            };
        }

        Row row() {
            return new Row(id, source.toString(), notes.getOrDefault("en", ""), target.toString(),
                    status == null ? "missing" : status, notes.getOrDefault("location", ""),
                    notes.getOrDefault("fingerprint", ""), notes.getOrDefault("reviewer", ""), line);
        }
    }
}
