package io.fedsearch.provider.arxiv;

import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv's Atom feeds with the JDK's namespace-aware StAX parser, so elements are matched by namespace and
 * name wherever their namespace is declared (the current format declares them on the feed, the legacy one on each
 * element). Both formats parse the same way. XXE-safe: a DOCTYPE is refused and external entities are never read.
 */
final class ArxivAtomParser {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // Configured once; the JDK factory is safe to share for creating readers.
    private static final XMLInputFactory FACTORY = factory();

    private ArxivAtomParser() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Parses one answer body (encoding from its XML declaration, UTF-8 by default).
     *
     * @throws IllegalArgumentException when the body is not a well-formed Atom feed
     */
    static ArxivFeed parse(byte[] body) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                return feed(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IllegalArgumentException("not an arXiv Atom feed: " + e.getMessage(), e);
        }
    }

    /** arXiv's message when the body is its error feed; empty when it is not, or is no feed at all. */
    static Optional<String> errorMessage(byte[] body) {
        try {
            return parse(body).error();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ArxivFeed feed(XMLStreamReader r) throws XMLStreamException {
        while (r.next() != START_ELEMENT) {
            if (r.getEventType() == DTD) throw new XMLStreamException("a DOCTYPE is not accepted");
            if (r.getEventType() == END_DOCUMENT) throw new XMLStreamException("empty document");
        }
        if (!is(r, ATOM, "feed")) throw new XMLStreamException("root element is " + r.getName() + ", not an Atom feed");
        String title = null;
        Long total = null;
        Integer start = null;
        Integer perPage = null;
        var entries = new ArrayList<ArxivFeed.Entry>();
        while (nextChild(r) == START_ELEMENT) {
            if (is(r, ATOM, "title")) title = text(r);
            else if (is(r, OPENSEARCH, "totalResults")) total = Long.valueOf(text(r));
            else if (is(r, OPENSEARCH, "startIndex")) start = Integer.valueOf(text(r));
            else if (is(r, OPENSEARCH, "itemsPerPage")) perPage = Integer.valueOf(text(r));
            else if (is(r, ATOM, "entry")) {
                ArxivFeed.Entry entry = entry(r);
                if (entry != null) entries.add(entry);
            } else skip(r);
        }
        return new ArxivFeed(title, total, start, perPage, entries);
    }

    /** One entry, or null when it has no id (nothing to identify or link it by). */
    private static ArxivFeed.Entry entry(XMLStreamReader r) throws XMLStreamException {
        String id = null, title = null, summary = null, published = null, updated = null, abstractUrl = null;
        String pdfUrl = null, journalRef = null, doi = null, primaryCategory = null, comment = null;
        var authors = new ArrayList<ArxivFeed.Author>();
        var categories = new ArrayList<String>();
        while (nextChild(r) == START_ELEMENT) {
            if (is(r, ATOM, "id")) id = text(r);
            else if (is(r, ATOM, "title")) title = text(r);
            else if (is(r, ATOM, "summary")) summary = text(r);
            else if (is(r, ATOM, "published")) published = text(r);
            else if (is(r, ATOM, "updated")) updated = text(r);
            else if (is(r, ATOM, "author")) {
                ArxivFeed.Author author = author(r);
                if (author != null) authors.add(author);
            } else if (is(r, ATOM, "link")) {
                String href = attribute(r, "href");
                if (abstractUrl == null && isAbstractPage(r)) abstractUrl = href;
                else if (pdfUrl == null && isPdf(r)) pdfUrl = href;
                skip(r);
            } else if (is(r, ATOM, "category")) {
                String term = attribute(r, "term");
                if (term != null) categories.add(term);
                skip(r);
            } else if (is(r, ARXIV, "primary_category")) {
                primaryCategory = attribute(r, "term");
                skip(r);
            } else if (is(r, ARXIV, "journal_ref")) journalRef = text(r);
            else if (is(r, ARXIV, "doi")) doi = text(r);
            else if (is(r, ARXIV, "comment")) comment = text(r);
            else skip(r);
        }
        if (id == null) return null;
        return new ArxivFeed.Entry(id, title, summary, authors, published, updated, abstractUrl, pdfUrl, journalRef,
                doi, primaryCategory, categories, comment);
    }

    private static ArxivFeed.Author author(XMLStreamReader r) throws XMLStreamException {
        String name = null;
        var affiliations = new ArrayList<String>();
        while (nextChild(r) == START_ELEMENT) {
            if (is(r, ATOM, "name")) name = text(r);
            else if (is(r, ARXIV, "affiliation")) {
                String affiliation = text(r);
                if (affiliation != null) affiliations.add(affiliation);
            } else skip(r);
        }
        return name == null ? null : new ArxivFeed.Author(name, affiliations);
    }

    /** Atom: a link without rel is rel="alternate"; arXiv marks the abstract page alternate, text/html. */
    private static boolean isAbstractPage(XMLStreamReader r) {
        String rel = attribute(r, "rel");
        String type = attribute(r, "type");
        return (rel == null || rel.equals("alternate")) && (type == null || type.equals("text/html"))
                && !"pdf".equals(attribute(r, "title"));
    }

    private static boolean isPdf(XMLStreamReader r) {
        return "pdf".equals(attribute(r, "title")) || "application/pdf".equals(attribute(r, "type"));
    }

    private static boolean is(XMLStreamReader r, String namespace, String local) {
        return namespace.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
    }

    /** An unqualified attribute's value, stripped; null when absent or blank. */
    private static String attribute(XMLStreamReader r, String name) {
        String value = r.getAttributeValue(null, name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The element's text with every run of whitespace collapsed to one space; null when blank. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        String text = WHITESPACE.matcher(r.getElementText()).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /** Moves to the next child's start, or to the current element's end; text and comments between are ignored. */
    private static int nextChild(XMLStreamReader r) throws XMLStreamException {
        while (true) {
            int event = r.next();
            if (event == START_ELEMENT || event == END_ELEMENT) return event;
            if (event == END_DOCUMENT) throw new XMLStreamException("the document ends inside an element");
        }
    }

    /** Skips the element the reader is on, with everything inside it. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = r.next();
            if (event == START_ELEMENT) depth++;
            else if (event == END_ELEMENT) depth--;
            else if (event == END_DOCUMENT) throw new XMLStreamException("the document ends inside an element");
        }
    }
}
