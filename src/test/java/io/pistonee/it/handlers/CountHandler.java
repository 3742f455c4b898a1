package io.pistonee.it.handlers;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** A generated stream of 200,000 rows, never held in memory at once. */
@Handler("counts")
public class CountHandler implements ListOperation {

    public static final int ROWS = 200_000;

    @Override
    public Stream<Map<String, Object>> list() {
        return LongStream.rangeClosed(1, ROWS).mapToObj(n -> Map.of("n", n, "square", n * n));
    }
}
