package io.pistonee.example.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One line of the audit log: who did what to which item, and when. */
@Entity
@Table(name = "blog_audit")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "blog_audit_seq")
    @SequenceGenerator(name = "blog_audit_seq", sequenceName = "blog_audit_seq", allocationSize = 10)
    private Long id;

    @Column(nullable = false, length = 20)
    private String action;

    @Column(nullable = false, length = 100)
    private String resource;

    @Column(name = "item_id", length = 100)
    private String itemId;

    @Column(name = "done_by", nullable = false, length = 150)
    private String doneBy;

    @Column(name = "done_on", nullable = false)
    private OffsetDateTime doneOn;

    protected AuditEntry() {}

    public AuditEntry(String action, String resource, String itemId, String doneBy, OffsetDateTime doneOn) {
        this.action = action;
        this.resource = resource;
        this.itemId = itemId;
        this.doneBy = doneBy;
        this.doneOn = doneOn;
    }

    public Long getId() {
        return id;
    }

    public String getAction() {
        return action;
    }

    public String getResource() {
        return resource;
    }

    public String getItemId() {
        return itemId;
    }

    public String getDoneBy() {
        return doneBy;
    }

    public OffsetDateTime getDoneOn() {
        return doneOn;
    }
}
