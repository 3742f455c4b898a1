package io.pistonee.it.pool;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What {@code ConnectionPoolIT} asks the server: seed the ticks, and how many connections the pool
 * of the default data source still hands out. A plain JAX-RS resource beside the generic one, outside
 * any transaction, so every connection it takes is a pooled connection of its own.
 */
@Path("probe")
@ApplicationScoped
public class PoolProbe {

    /** The id of the first seeded tick. */
    public static final long FIRST_SEEDED = 1_000_001;

    /** More than any pool the ITs' servers configure (32 on Payara and, by piston.cli, on WildFly). */
    private static final int MOST = 100;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PersistenceContext
    EntityManager entityManager;

    /** Inserts {@code rows} ticks, each with a line of 400 characters, unless they are there. */
    @POST
    @Path("seed")
    @Transactional
    @Produces(MediaType.TEXT_PLAIN)
    public String seed(@QueryParam("rows") int rows) {
        long present = entityManager
                .createQuery("select count(t) from Tick t", Long.class)
                .getSingleResult();
        if (present == 0) {
            entityManager
                    .createNativeQuery("INSERT INTO POOL_TICK (ID, LINE) SELECT X, REPEAT('x', 400) FROM SYSTEM_RANGE("
                            + FIRST_SEEDED + ", " + (FIRST_SEEDED + rows - 1) + ")")
                    .executeUpdate();
        }
        return String.valueOf(rows);
    }

    /**
     * Takes connections from the pool until it gives no more (the last request waits the pool's
     * bounded time and fails), keeps them for {@code hold} milliseconds, gives them back, and
     * answers how many it had: while nothing else holds one, the pool's size.
     */
    @POST
    @Path("drain")
    @Produces(MediaType.TEXT_PLAIN)
    public String drain(@QueryParam("hold") long hold) throws InterruptedException {
        List<Connection> taken = new ArrayList<>();
        try {
            while (taken.size() < MOST) {
                taken.add(dataSource.getConnection());
            }
        } catch (SQLException exhausted) {
            // The pool's bounded wait ended: every connection is taken.
        }
        try {
            Thread.sleep(hold);
            return String.valueOf(taken.size());
        } finally {
            for (Connection connection : taken) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Closing hands it back; a failure here leaves the pool to reclaim it.
                }
            }
        }
    }
}
