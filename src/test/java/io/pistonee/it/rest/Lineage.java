package io.pistonee.it.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.NotBlank;

/**
 * An entity whose parent is a lazy relation, so reading one shows whether lazy relations load while
 * the response is written (with or without a read transaction around it). Clients name the parent by
 * id when they create one ({@code parent_id}); it is shown nested ({@code parent(id, name)}).
 */
@Entity
public class Lineage {

    @Id
    @GeneratedValue
    private Long id;

    @NotBlank
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private Lineage parent;

    @Transient
    private Long parentId;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Lineage getParent() {
        return parent;
    }

    void adopt(Lineage parent) {
        this.parent = parent;
    }

    Long parentId() {
        return parentId;
    }

    @JsonProperty("parent_id")
    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }
}
