package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AtomFeedTest {
    private static final String SELF = "https://sunshine.example/api/v1/notices/feed.atom";

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String child(Element e, String name) {
        return e.getElementsByTagNameNS(AtomFeed.NAMESPACE, name).item(0).getTextContent();
    }

    @Test
    void aFeedHasTheElementsAtomRequiresAndEachEntryLinksToItsPage() throws Exception {
        String xml =
                AtomFeed.write(
                        new AtomFeed.Feed(
                                SELF,
                                "https://sunshine.example/notices/index.xhtml",
                                "阳光采购平台 · 公告",
                                "阳光采购平台",
                                Instant.parse("2026-12-01T02:00:00.5Z"),
                                List.of(
                                        new AtomFeed.Entry(
                                                "https://sunshine.example/notices/notice.xhtml?no=GG-2026-000150",
                                                "某中学台式电脑采购公告",
                                                "https://sunshine.example/notices/notice.xhtml?no=GG-2026-000150",
                                                Instant.parse("2026-12-01T02:00:00Z"),
                                                "某中学",
                                                "采购公告 · 公开招标"))));
        Element feed = parse(xml).getDocumentElement();
        assertEquals("feed", feed.getLocalName());
        assertEquals(AtomFeed.NAMESPACE, feed.getNamespaceURI());
        assertEquals(SELF, child(feed, "id"));
        assertEquals("2026-12-01T02:00:00Z", child(feed, "updated"));
        Element entry = (Element) feed.getElementsByTagNameNS(AtomFeed.NAMESPACE, "entry").item(0);
        assertEquals("某中学台式电脑采购公告", child(entry, "title"));
        assertEquals("某中学", child(entry, "name"));
        Element link = (Element) entry.getElementsByTagNameNS(AtomFeed.NAMESPACE, "link").item(0);
        assertEquals("alternate", link.getAttribute("rel"));
        assertEquals(
                "https://sunshine.example/notices/notice.xhtml?no=GG-2026-000150",
                link.getAttribute("href"));
    }

    @Test
    void markupInTitlesIsEscapedAndForbiddenCharactersAreDropped() throws Exception {
        String title = "<script>alert('x')</script> & \"引号\" \u0007响铃 \uD800孤";
        String xml =
                AtomFeed.write(
                        new AtomFeed.Feed(
                                SELF,
                                "https://sunshine.example/notices/index.xhtml?a=1&b=2",
                                "t",
                                "a",
                                Instant.EPOCH,
                                List.of(
                                        new AtomFeed.Entry(
                                                "urn:x",
                                                title,
                                                "https://sunshine.example/n?no=1&x=\"2\"",
                                                Instant.EPOCH,
                                                "<b>单位</b>",
                                                null))));
        assertFalse(xml.contains("<script>"), xml);
        assertTrue(xml.contains("&lt;script&gt;"), xml);
        Element feed = parse(xml).getDocumentElement();
        Element entry = (Element) feed.getElementsByTagNameNS(AtomFeed.NAMESPACE, "entry").item(0);
        assertEquals("<script>alert('x')</script> & \"引号\" 响铃 孤", child(entry, "title"));
        assertEquals("<b>单位</b>", child(entry, "name"));
        Element link = (Element) entry.getElementsByTagNameNS(AtomFeed.NAMESPACE, "link").item(0);
        assertEquals("https://sunshine.example/n?no=1&x=\"2\"", link.getAttribute("href"));
        assertEquals(0, entry.getElementsByTagNameNS(AtomFeed.NAMESPACE, "summary").getLength());
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        Element feed =
                parse(
                                AtomFeed.write(
                                        new AtomFeed.Feed(
                                                SELF, SELF, "t", "a", Instant.EPOCH, List.of())))
                        .getDocumentElement();
        assertEquals("1970-01-01T00:00:00Z", child(feed, "updated"));
        assertEquals(0, feed.getElementsByTagNameNS(AtomFeed.NAMESPACE, "entry").getLength());
    }
}
