package io.sunshine.procurement.notice.boundary;

import io.sunshine.platform.boundary.HolidayCalendar;
import io.sunshine.procurement.notice.control.BidSecurityRule;
import io.sunshine.procurement.notice.control.CorrectionRule;
import io.sunshine.procurement.notice.control.NoticePeriodRule;
import io.sunshine.procurement.notice.control.NoticePeriods;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The statutory notice periods in force, read once from {@code
 * config/rules/notice-periods.properties} (shipped on the classpath) and checked at start-up: a
 * platform whose rule table is invalid does not start. Periods count on the platform's holiday
 * calendar.
 */
@ApplicationScoped
public class NoticeRules {
    static final String RESOURCE = "io/sunshine/procurement/rules/notice-periods.properties";

    @Inject HolidayCalendar holidays;

    private NoticePeriods table;

    @PostConstruct
    void load() {
        try (InputStream in = NoticeRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The notice period table is missing: " + RESOURCE);
            }
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> values = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
            table = NoticePeriods.parse(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NoticePeriods table() {
        return table;
    }

    public NoticePeriodRule periods() {
        return new NoticePeriodRule(table, holidays.calendar());
    }

    public CorrectionRule corrections() {
        return new CorrectionRule(table, holidays.calendar());
    }

    public BidSecurityRule bidSecurity() {
        return new BidSecurityRule(table);
    }
}
