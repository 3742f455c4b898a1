package io.pistonee.it.pool;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import jakarta.inject.Inject;
import java.util.stream.Stream;

/** {@code /api/tick-export}: every tick, unpaged, as the example's {@code /api/export} streams posts. */
@Handler("tick-export")
public class TickExport implements ListOperation {

    @Inject
    TickHandler ticks;

    @Override
    public Stream<Tick> list() {
        return ticks.export();
    }
}
