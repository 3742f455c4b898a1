package io.pistonee.it.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code ConnectionPoolIT}'s export: an id and a line of text. {@link PoolProbe} seeds them in
 * bulk from id {@value PoolProbe#FIRST_SEEDED}, above the ids new rows are given.
 */
@Entity
@Table(name = "POOL_TICK")
public class Tick {

    @Id
    @GeneratedValue
    @Column(name = "ID")
    private Long id;

    @Column(name = "LINE", length = 1000)
    private String line;

    public Long getId() {
        return id;
    }

    public String getLine() {
        return line;
    }

    public void setLine(String line) {
        this.line = line;
    }
}
