package io.pistonee.it.unreachable;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;

/** An entity whose table lives in a database that cannot be reached. */
@Entity
public class Crate {

    @Id
    @GeneratedValue
    private Long id;

    @NotBlank
    private String label;

    @Version
    private Long version;

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public Long getVersion() {
        return version;
    }
}
