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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A blog post. Clients write {@code title} and {@code content}; {@code author} and
 * {@code created_on} are set by the server and read-only to clients.
 */
@Entity
@Table(
        name = "blog_post",
        indexes = {
            // the default order (-created_on, -id) and each sort field: a page reads its rows in order.
            // Descending like the default order: the H2 2.2 that Payara Micro 6 and WildFly 39 bundle
            // never reads an index backwards (PostgreSQL reads one either way).
            @Index(name = "blog_post_created_on", columnList = "created_on DESC, id DESC"),
            @Index(name = "blog_post_title", columnList = "title, id"),
            @Index(name = "blog_post_author", columnList = "author_id")
        })
public class BlogPost {

    /** Sequence ids: EclipseLink's IDENTITY does not work on the H2 2.x that Payara Micro embeds. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "blog_post_seq")
    @SequenceGenerator(name = "blog_post_seq", sequenceName = "blog_post_seq", allocationSize = 10)
    private Long id;

    @NotBlank
    @Size(max = 200)
    @Schema(description = "The headline.")
    @Column(nullable = false, length = 200)
    private String title;

    @NotBlank
    @Size(max = 100_000)
    @Column(nullable = false, length = 100_000)
    private String content;

    @ManyToOne
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    private Author author;

    @Column(name = "created_on", nullable = false)
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    private OffsetDateTime createdOn;

    @Version
    private Long version;

    protected BlogPost() {}

    public BlogPost(String title, String content, Author author, OffsetDateTime createdOn) {
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
