package no.losen.translate;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XLIFF 2.0, the exchange format CAT tools (Trados, memoQ, Phrase, OmegaT, Weblate) read. One
 * {@code <file>} per content area (a dialog's folder, or the shared words), one {@code <unit>}
 * per key. Translators see the where-and-why, the English pivot and the fingerprint as
 * {@code <note>}s (core XLIFF, which every tool keeps); the state maps as: missing → initial,
 * stale → initial with {@code subState="losen:stale"} and the old target, draft → translated,
 * reviewed → reviewed (a tool's {@code final} is read as reviewed).
 */
public final class XliffFormat {

    static final String NS = "urn:oasis:names:tc:xliff:document:2.0";

    private XliffFormat() {
    }

    /** Rows grouped by area, in the order given. */
    public static String write(String lang, Map<String, List<Row>> byArea) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("xliff");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("version", "2.0");
            w.writeAttribute("srcLang", "nb");
            w.writeAttribute("trgLang", lang);
            for (var area : byArea.entrySet()) {
                w.writeCharacters("\n  ");
                w.writeStartElement("file");
                w.writeAttribute("id", area.getKey());
                for (Row r : area.getValue()) {
                    unit(w, r);
                }
                w.writeCharacters("\n  ");
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XLIFF", e);
        }
    }

    private static void unit(XMLStreamWriter w, Row r) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeStartElement("unit");
        w.writeAttribute("id", r.key());
        w.writeCharacters("\n      ");
        w.writeStartElement("notes");
        note(w, "location", r.note());
        if (!r.en().isEmpty()) {
            note(w, "en", r.en());
        }
        note(w, "fingerprint", r.fingerprint());
        if (!r.reviewer().isEmpty()) {
            note(w, "reviewer", r.reviewer());
        }
        w.writeCharacters("\n      ");
        w.writeEndElement();
        w.writeCharacters("\n      ");
        w.writeStartElement("segment");
        switch (r.status()) {
            case "reviewed" -> w.writeAttribute("state", "reviewed");
            case "draft" -> w.writeAttribute("state", "translated");
            case "stale" -> {
                w.writeAttribute("state", "initial");
                w.writeAttribute("subState", "losen:stale");
            }
            default -> w.writeAttribute("state", "initial");
        }
        w.writeCharacters("\n        ");
        w.writeStartElement("source");
        w.writeAttribute("xml", XMLConstants.XML_NS_URI, "space", "preserve");
        w.writeCharacters(r.nb());
        w.writeEndElement();
        if (!r.target().isEmpty()) {
            w.writeCharacters("\n        ");
            w.writeStartElement("target");
            w.writeAttribute("xml", XMLConstants.XML_NS_URI, "space", "preserve");
            w.writeCharacters(r.target());
            w.writeEndElement();
        }
        w.writeCharacters("\n      ");
        w.writeEndElement();
        w.writeCharacters("\n    ");
        w.writeEndElement();
    }

    private static void note(XMLStreamWriter w, String category, String text) throws XMLStreamException {
        w.writeCharacters("\n        ");
        w.writeStartElement("note");
        w.writeAttribute("category", category);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** Reads a file back (see {@link XliffReader}). */
    public static Exchange read(String xml) {
        return XliffReader.read(xml);
    }
}
