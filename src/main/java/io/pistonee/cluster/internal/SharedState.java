package io.pistonee.cluster.internal;

import io.pistonee.cluster.SharedMap;
import io.pistonee.cluster.SharedMaps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The application's {@link SharedMaps}: the available bean with the highest {@code @Priority}, else
 * maps in memory (with the application's {@code java.time.Clock} bean if it has one). The server log
 * says which at start-up.
 */
@ApplicationScoped
public class SharedState {

    private static final Logger LOG = Logger.getLogger(SharedState.class.getName());

    @Inject
    @Any
    Instance<SharedMaps> candidates;

    @Inject
    Instance<Clock> clocks;

    private SharedMaps maps;

    @PostConstruct
    void init() {
        maps = best(candidates, SharedMaps::available)
                .orElseGet(() -> new MemorySharedMaps(clocks.isResolvable() ? clocks.get() : Clock.systemUTC()));
        LOG.info("Tokens, login failures and throttle counters are kept in " + maps.describe());
    }

    /** The map of this name (see {@link SharedMaps#map}). */
    public SharedMap map(String name, Duration ttl, SharedMaps.Expiry expiry) {
        return maps.map(name, ttl, expiry);
    }

    /** The maps themselves, for classes that take {@link SharedMaps}. */
    public SharedMaps maps() {
        return maps;
    }

    /** The available bean with the highest {@code @Priority} (0 without one). */
    public static <T> java.util.Optional<T> best(Iterable<T> beans, Predicate<T> available) {
        List<T> sorted = new ArrayList<>();
        beans.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(SharedState::priority).reversed());
        return sorted.stream().filter(available).findFirst();
    }

    private static int priority(Object bean) {
        for (Class<?> c = bean.getClass(); c != null; c = c.getSuperclass()) {
            Priority priority = c.getAnnotation(Priority.class);
            if (priority != null) {
                return priority.value();
            }
        }
        return 0;
    }
}
