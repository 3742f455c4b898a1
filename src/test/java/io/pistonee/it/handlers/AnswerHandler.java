package io.pistonee.it.handlers;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;

/** A scalar result. */
@Handler("answer")
public class AnswerHandler implements ListOperation {

    @Override
    public Integer list() {
        return 42;
    }
}
