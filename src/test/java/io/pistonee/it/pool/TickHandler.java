package io.pistonee.it.pool;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;
import java.util.stream.Stream;

/** Every default of a model handler over the ticks, and the stream {@link TickExport} serves. */
@Handler("ticks")
public class TickHandler extends ModelHandler<Tick, Long> {

    /** Every tick in id order, read through the database cursor while the response is written. */
    public Stream<Tick> export() {
        return stream("select t from Tick t order by t.id", Tick.class);
    }
}
