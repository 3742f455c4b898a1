package io.pistonee.collection;

import java.util.AbstractList;
import java.util.List;
import java.util.Optional;

/**
 * One page of a collection: the items, plus what the response's {@code Link} and
 * {@code X-Total-Count} headers need. A {@code List}, so a handler may return it wherever it returns
 * a list.
 *
 * @param <T> the item type
 */
public final class Page<T> extends AbstractList<T> {

    private final List<T> items;
    private final ListQuery query;
    private final int offset;
    private final Long total;
    private final boolean more;
    private final String nextCursor;

    /**
     * @param items the items of this page
     * @param query what was asked for
     * @param offset the position of the first item ({@code -1} when a keyset cursor chose the page)
     * @param total every matching item, or {@code null} when not counted
     * @param more whether items follow this page
     * @param nextCursor the cursor of the next page (cursor paging), or {@code null}
     */
    public Page(List<T> items, ListQuery query, int offset, Long total, boolean more, String nextCursor) {
        this.items = List.copyOf(items);
        this.query = query;
        this.offset = offset;
        this.total = total;
        this.more = more;
        this.nextCursor = nextCursor;
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    public ListQuery query() {
        return query;
    }

    public int offset() {
        return offset;
    }

    public Optional<Long> total() {
        return Optional.ofNullable(total);
    }

    public boolean hasMore() {
        return more;
    }

    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }
}
