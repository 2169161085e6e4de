package io.sunshine.procurement.notice.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.procurement.notice.entity.NoticeType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeTemplatesTest {
    private final NoticeTemplates templates =
            NoticeTemplates.load(NoticeTemplatesTest.class.getClassLoader());

    @Test
    void everyTypeHasATemplateThatRendersWithTheNamesItsTypeSupplies() {
        for (NoticeType type : NoticeType.values()) {
            Map<String, String> values = new HashMap<>();
            for (String name : NoticeTemplates.allowed(type)) {
                values.put(name, "«" + name + "»");
            }
            NoticeTemplates.Rendered r = templates.render(type, values);
            assertFalse(r.title().isBlank(), type.name());
            assertFalse(r.title().contains("\n"), type.name());
            assertFalse(r.body().contains("{{"), type + " left a placeholder: " + r.body());
            assertTrue(r.body().length() > 40, type.name());
        }
    }

    @Test
    void theProcurementNoticeSaysWhatTheLawAsksForInChinese() {
        Map<String, String> values = new HashMap<>();
        NoticeTemplates.allowed(NoticeType.PROCUREMENT).forEach(n -> values.put(n, n));
        values.put("projectTitle", "教学用计算机采购");
        values.put("noticeKind", "公开招标公告");
        values.put("buyerName", "市第一中学");
        NoticeTemplates.Rendered r = templates.render(NoticeType.PROCUREMENT, values);
        assertEquals("市第一中学教学用计算机采购公开招标公告", r.title());
        assertTrue(r.body().contains("申请人的资格要求"));
        assertTrue(r.body().contains("政府采购法》第二十二条"));
    }

    @Test
    void aTemplateUsingANameItsTypeDoesNotSupplyIsRefused() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                NoticeTemplates.parse(
                                        NoticeType.TERMINATION, "{{projetTitle}}终止公告\n\n正文"));
        assertTrue(e.getMessage().contains("projetTitle"));
        assertThrows(
                IllegalStateException.class,
                () -> NoticeTemplates.parse(NoticeType.TERMINATION, "只有标题没有正文"));
    }

    @Test
    void aMissingValueIsAnErrorNotAnEmptyGap() {
        assertThrows(
                IllegalArgumentException.class,
                () -> templates.render(NoticeType.TERMINATION, Map.of("buyerName", "x")));
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithDollarSignsAndBackslashes() {
        Map<String, String> values = new HashMap<>();
        NoticeTemplates.allowed(NoticeType.TERMINATION).forEach(n -> values.put(n, n));
        values.put("reason", "预算 $1 \\ 调整");
        assertTrue(templates.render(NoticeType.TERMINATION, values).body().contains("预算 $1 \\ 调整"));
    }
}
