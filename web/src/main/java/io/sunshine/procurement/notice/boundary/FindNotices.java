package io.sunshine.procurement.notice.boundary;

import io.sunshine.platform.boundary.FacesProblems;
import io.sunshine.platform.control.Refusal;
import io.sunshine.procurement.notice.control.NoticeCursor;
import io.sunshine.procurement.notice.control.NoticeFilter;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public notice list page: filters and the search box as URL parameters (a search is a link a
 * visitor can keep or send), the newest first, older and newer pages by cursor. A search posts the
 * form and redirects to the same page with the filters in the URL and no cursor.
 */
@Named
@RequestScoped
public class FindNotices {
    @EJB NoticePortal portal;

    private String q;
    private String type;
    private String method;
    private String buyer;
    private String category;
    private String from;
    private String to;
    private String before;
    private String after;
    private NoticeView.Page page;

    /** Reads the page the URL asks for; a bad parameter is shown, with an empty list. */
    public void load() {
        try {
            NoticeFilter filter = NoticeFilter.parse(type, method, buyer, category, from, to, q);
            page =
                    portal.list(
                            filter,
                            blank(before) ? null : NoticeCursor.decode(before, "before"),
                            blank(after) ? null : NoticeCursor.decode(after, "after"),
                            NoticePortal.DEFAULT_PAGE);
        } catch (Refusal r) {
            FacesProblems.show(r, null); // shown above the page: the list itself is empty
            page = new NoticeView.Page(List.of(), null, null);
        }
    }

    /** A new search starts from the newest notice. */
    public String search() {
        before = null;
        after = null;
        return "/notices/index?faces-redirect=true&includeViewParams=true";
    }

    public String reset() {
        return "/notices/index?faces-redirect=true";
    }

    public NoticeView.Page getPage() {
        if (page == null) {
            load();
        }
        return page;
    }

    public List<String> getTypes() {
        return Arrays.stream(NoticeType.values()).map(Enum::name).toList();
    }

    public List<String> getMethods() {
        return Arrays.stream(ProcurementMethod.values()).map(Enum::name).toList();
    }

    /** The link to the older page with the same filters, or null on the last page. */
    public String getOlderUrl() {
        return getPage().older() == null ? null : url("before", getPage().older());
    }

    /** The link to the newer page with the same filters, or null on the first page. */
    public String getNewerUrl() {
        return getPage().newer() == null ? null : url("after", getPage().newer());
    }

    /** The current filters as a query string, for the links of the list. */
    private String url(String cursorName, String cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("type", type);
        params.put("method", method);
        params.put("buyer", buyer);
        params.put("category", category);
        params.put("from", from);
        params.put("to", to);
        params.put(cursorName, cursor);
        StringBuilder sb = new StringBuilder("index.xhtml");
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!blank(e.getValue())) {
                sb.append(sep)
                        .append(e.getKey())
                        .append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getBuyer() {
        return buyer;
    }

    public void setBuyer(String buyer) {
        this.buyer = buyer;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}
