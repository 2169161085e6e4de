package io.sunshine.procurement.notice.control;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) of newly published notices, so that feed readers and other sites
 * learn of a notice without polling the list. Written with a streaming XML writer, which escapes
 * every text and attribute; characters that XML 1.0 cannot carry at all (control characters) are
 * dropped rather than producing a feed no reader can parse.
 *
 * <pre>{@code
 * String xml = AtomFeed.write(new AtomFeed.Feed(selfUrl, listUrl, "阳光采购平台 · 公告", "阳光采购平台",
 *         Instant.now(), List.of(new AtomFeed.Entry(id, title, pageUrl, published, buyer, summary))));
 * }</pre>
 */
public final class AtomFeed {
    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    public static final String MEDIA_TYPE = "application/atom+xml";

    private AtomFeed() {}

    /**
     * One notice in the feed.
     *
     * @param id a permanent IRI of the notice (its page's URL does not change)
     * @param link the notice's public page
     * @param author who the notice is from: the purchasing unit
     */
    public record Entry(
            String id, String title, String link, Instant updated, String author, String summary) {
        public Entry {
            Objects.requireNonNull(id);
            Objects.requireNonNull(title);
            Objects.requireNonNull(link);
            Objects.requireNonNull(updated);
        }
    }

    /**
     * @param self the feed's own URL, also its id
     * @param alternate the page that lists the same notices
     * @param updated when the feed last changed: the newest entry, or now when there is none
     */
    public record Feed(
            String self,
            String alternate,
            String title,
            String author,
            Instant updated,
            List<Entry> entries) {
        public Feed {
            Objects.requireNonNull(self);
            Objects.requireNonNull(updated);
            entries = List.copyOf(entries);
        }
    }

    public static String write(Feed feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NAMESPACE);
            text(w, "id", feed.self());
            text(w, "title", feed.title());
            text(w, "updated", time(feed.updated()));
            link(w, "self", MEDIA_TYPE, feed.self());
            link(w, "alternate", "text/html", feed.alternate());
            w.writeStartElement("author");
            text(w, "name", feed.author());
            w.writeEndElement();
            for (Entry e : feed.entries()) {
                w.writeStartElement("entry");
                text(w, "id", e.id());
                text(w, "title", e.title());
                text(w, "updated", time(e.updated()));
                text(w, "published", time(e.updated()));
                link(w, "alternate", "text/html", e.link());
                w.writeStartElement("author");
                text(
                        w,
                        "name",
                        e.author() == null || e.author().isBlank() ? feed.author() : e.author());
                w.writeEndElement();
                if (e.summary() != null && !e.summary().isBlank()) {
                    text(w, "summary", e.summary());
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The feed could not be written", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter w, String element, String value)
            throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(xmlSafe(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href)
            throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", xmlSafe(href));
    }

    /** RFC 3339 in UTC, to the second, as Atom's date constructs want. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The text without the characters XML 1.0 forbids (it has no escape for them). */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints()
                .filter(
                        c ->
                                c == 0x9
                                        || c == 0xA
                                        || c == 0xD
                                        || (c >= 0x20 && c <= 0xD7FF)
                                        || (c >= 0xE000 && c <= 0xFFFD)
                                        || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
