package io.sunshine.directory.entity;

import io.sunshine.directory.control.CatalogueCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One item of the procurement catalogue (品目). Its code, and with it its category, level and parent,
 * never changes; its name may be corrected by a later import, and an item no longer in force
 * becomes inactive rather than deleted, because requirements and contracts keep its code.
 */
@Entity
@Table(name = "catalogue_item")
public class CatalogueItem {
    @Id
    @Column(name = "code", length = 30)
    private String code;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "parent_code", length = 30)
    private String parentCode;

    @Column(name = "category", nullable = false, length = 1)
    private String category;

    @Column(name = "depth", nullable = false)
    private int depth;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_import_id")
    private Long lastImportId;

    protected CatalogueItem() {}

    public CatalogueItem(CatalogueCode code, String name, Long importId, Instant at) {
        Objects.requireNonNull(code, "A catalogue item needs its code.");
        this.code = code.value();
        this.parentCode = code.parent();
        this.category = code.category();
        this.depth = code.depth();
        this.name = requireName(name);
        this.active = true;
        this.lastImportId = importId;
        this.updatedAt = Objects.requireNonNull(at, "A catalogue item needs its time.");
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name, "A catalogue item needs a name.");
        String n = name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new IllegalArgumentException("A catalogue item's name has 1 to 200 characters.");
        }
        return n;
    }

    /**
     * The item as an import states it: named so and in force. Whether anything changed (the import
     * counts updates).
     */
    public boolean restate(String newName, Long importId, Instant at) {
        String n = requireName(newName);
        boolean changed = !n.equals(name) || !active;
        name = n;
        active = true;
        lastImportId = importId;
        if (changed) {
            updatedAt = at;
        }
        return changed;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getParentCode() {
        return parentCode;
    }

    public String getCategory() {
        return category;
    }

    public int getDepth() {
        return depth;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
