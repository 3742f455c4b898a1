package io.pistonee.it.secured;

import io.pistonee.handler.CreateOperation;
import io.pistonee.handler.DeleteOperation;
import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import io.pistonee.handler.ReadOperation;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/guarded}: roles per handler and per operation. The class allows admins only; listing
 * is open to anyone, creating to no one.
 */
@Handler("guarded")
@RolesAllowed("admin")
public class GuardedHandler
        implements ListOperation, ReadOperation<String>, CreateOperation<Map<String, Object>>, DeleteOperation<String> {

    @Override
    @PermitAll
    public List<String> list() {
        return List.of("open");
    }

    @Override
    public Map<String, Object> read(String id) {
        return Map.of("id", id, "secret", true);
    }

    @Override
    @DenyAll
    public Map<String, Object> create(Map<String, Object> input) {
        return input;
    }

    @Override
    public void delete(String id) {}
}
