package io.pistonee.example.blog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Set;

/** A user who writes posts: also the example's user account, with a hashed password and roles. */
@Entity
@Table(name = "blog_author")
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "blog_author_seq")
    @SequenceGenerator(name = "blog_author_seq", sequenceName = "blog_author_seq", allocationSize = 10)
    private Long id;

    @Column(nullable = false, unique = true, length = 150)
    private String username;

    @Column(name = "first_name", length = 150)
    private String firstName;

    @Column(name = "last_name", length = 150)
    private String lastName;

    /** A {@code PasswordHash} string; never emitted. */
    @JsonIgnore
    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    /** Space-separated roles ({@code author}, {@code admin}); never emitted. */
    @JsonIgnore
    @Column(nullable = false, length = 200)
    private String roles;

    protected Author() {}

    public Author(String username, String firstName, String lastName, String passwordHash, String roles) {
        this.username = username;
        this.firstName = firstName;
        this.lastName = lastName;
        this.passwordHash = passwordHash;
        this.roles = roles;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<String> getRoles() {
        return Set.of(roles.strip().split("\\s+"));
    }
}
