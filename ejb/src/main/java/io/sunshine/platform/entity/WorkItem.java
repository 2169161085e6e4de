package io.sunshine.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing waiting for someone, with its deadline: a plan to approve, a contract to sign, a bid
 * opening to run. Each stage adds its items when a command creates work and closes them when it is
 * done; the "my work" page lists the open ones for the user's roles and organisation.
 *
 * <p>An item is addressed to a role, optionally narrowed to one organisation and to one user.
 */
@Entity
@Table(name = "work_item")
public class WorkItem {
    @Id
    @SequenceGenerator(name = "work_item_seq", sequenceName = "work_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_item_seq")
    private Long id;

    @Column(name = "assignee_role", nullable = false, length = 20)
    private String assigneeRole;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(name = "assignee_user_id")
    private Long assigneeUserId;

    /** Message key of the kind of work, e.g. {@code work.plan.approve}. */
    @Column(name = "kind", nullable = false, length = 80)
    private String kind;

    @Column(name = "subject_type", nullable = false, length = 60)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = 60)
    private String subjectId;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Version private long version;

    protected WorkItem() {}

    public WorkItem(
            String assigneeRole,
            Long organisationId,
            Long assigneeUserId,
            String kind,
            String subjectType,
            String subjectId,
            String title,
            Instant dueAt,
            Instant createdAt) {
        this.assigneeRole = Objects.requireNonNull(assigneeRole, "A work item needs a role.");
        this.organisationId = organisationId;
        this.assigneeUserId = assigneeUserId;
        this.kind = Objects.requireNonNull(kind, "A work item needs its kind.");
        this.subjectType = Objects.requireNonNull(subjectType, "A work item needs a subject.");
        this.subjectId = Objects.requireNonNull(subjectId, "A work item needs a subject id.");
        this.title = Objects.requireNonNull(title, "A work item needs a title.");
        this.dueAt = dueAt;
        this.createdAt = Objects.requireNonNull(createdAt, "A work item needs its creation time.");
    }

    public void complete(Instant at) {
        if (doneAt == null) {
            doneAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public String getAssigneeRole() {
        return assigneeRole;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public Long getAssigneeUserId() {
        return assigneeUserId;
    }

    public String getKind() {
        return kind;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getTitle() {
        return title;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }
}
