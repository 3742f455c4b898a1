package io.pistonee.it.scoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A line of text that belongs to the user who wrote it. */
@Entity
@Table(name = "SCOPED_MEMO")
public class Memo {

    @Id
    @GeneratedValue
    @Column(name = "ID")
    private Long id;

    @Column(name = "OWNER", nullable = false, length = 100)
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    private String owner;

    @Column(name = "TEXT", length = 1000)
    private String text;

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
