package io.pistonee.it.handlers;

import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.DeleteOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ReadOperation;
import io.pistonee.problem.Rc;
import java.util.Map;
import java.util.logging.Logger;

/** Fails in every way a handler can: a bug, a thrown status, a returned status. */
@Handler("faulty")
public class FaultyHandler
        implements ListOperation, ReadOperation<String>, CreateOperation<Map<String, Object>>, DeleteOperation<String> {

    /** What {@link #create} logs, at INFO. */
    public static final String ACCEPTED = "faulty: accepted a body";

    private static final Logger LOG = Logger.getLogger(FaultyHandler.class.getName());

    /** Must never reach a client. */
    public static final String SECRET = "db-password-hunter2";

    @Override
    public Object list() {
        throw new IllegalStateException("connection to db failed with " + SECRET);
    }

    @Override
    public Object read(String id) {
        throw Rc.FORBIDDEN.error("Item " + id + " is not yours.");
    }

    @Override
    public Object create(Map<String, Object> input) {
        LOG.info(ACCEPTED);
        return Rc.ACCEPTED;
    }

    @Override
    public void delete(String id) {
        throw new UnsupportedOperationException(SECRET);
    }
}
