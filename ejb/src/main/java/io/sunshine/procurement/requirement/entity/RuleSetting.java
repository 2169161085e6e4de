package io.sunshine.procurement.requirement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An administrator's value of one rule of the method rule table (overrides config/rules). */
@Entity
@Table(name = "rule_setting")
public class RuleSetting {
    @Id
    @Column(name = "rule_key", length = 80)
    private String key;

    @Column(name = "rule_value", nullable = false, length = 4000)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 60)
    private String updatedBy;

    @Version private long version;

    protected RuleSetting() {}

    public RuleSetting(String key, String value, Instant at, String by) {
        this.key = key;
        change(value, at, by);
    }

    public final void change(String value, Instant at, String by) {
        this.value = value;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
