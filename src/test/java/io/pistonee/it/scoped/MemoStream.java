package io.pistonee.it.scoped;

import io.pistonee.handler.Handler;
import io.pistonee.handler.ListOperation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.stream.Stream;

/** {@code /api/memo-stream}: the caller's memos, unpaged, through the model handler's {@code stream()}. */
@Handler(value = "memo-stream", fields = "id, text, resource_uri")
@RolesAllowed("author")
public class MemoStream implements ListOperation {

    @Inject
    MemoHandler memos;

    @Override
    public Stream<Memo> list() {
        return memos.everything();
    }
}
