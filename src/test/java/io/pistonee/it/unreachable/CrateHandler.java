package io.pistonee.it.unreachable;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ModelHandler;

/** Every default of a model handler, over a database that {@code UnreachableDatabaseIT} takes away. */
@Handler("crates")
public class CrateHandler extends ModelHandler<Crate, Long> {}
