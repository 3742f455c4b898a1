package io.pistonee.example.blog;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A post not yet published, seen only by its author (and admins). Clients write {@code title} and
 * {@code content}; {@code author} and {@code created_on} are set by the server.
 */
@Entity
@Table(
        name = "blog_draft",
        indexes = {
            // descending like the default order (-created_on, -id): H2 2.2 never reads an index backwards
            @Index(name = "blog_draft_created_on", columnList = "created_on DESC, id DESC"),
            @Index(name = "blog_draft_title", columnList = "title, id"),
            @Index(name = "blog_draft_author", columnList = "author_id")
        })
public class Draft {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "blog_draft_seq")
    @SequenceGenerator(name = "blog_draft_seq", sequenceName = "blog_draft_seq", allocationSize = 10)
    private Long id;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false, length = 200)
    private String title;

    @NotBlank
    @Size(max = 100_000)
    @Column(nullable = false, length = 100_000)
    private String content;

    @ManyToOne(optional = false)
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    private Author author;

    @Column(name = "created_on", nullable = false)
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    private OffsetDateTime createdOn;

    @Version
    private Long version;

    protected Draft() {}

    public Draft(String title, String content, Author author, OffsetDateTime createdOn) {
        this.title = title;
        this.content = content;
        this.author = author;
        this.createdOn = createdOn;
    }

    @PrePersist
    void stamp() {
        if (createdOn == null) {
            createdOn = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public Author getAuthor() {
        return author;
    }

    public void setAuthor(Author author) {
        this.author = author;
    }

    public OffsetDateTime getCreatedOn() {
        return createdOn;
    }

    public Long getVersion() {
        return version;
    }
}
