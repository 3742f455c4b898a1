/**
 * Collections: paging ({@code ?limit=&offset=}, or an opaque {@code ?cursor=} for large tables),
 * filtering with Django-style lookups ({@code ?title__icontains=java}) and sorting
 * ({@code ?sort=-created_on,title}) of a model handler's collection.
 *
 * <p>Decisions: only fields a handler whitelists with {@link io.pistonee.collection.Listing} can be
 * filtered or sorted by, and anything else answers 400 (a typo must not silently return everything);
 * every query is built with the Criteria API with bound values; every page is ordered with the id as
 * the last key, so paging never skips or repeats an item between two requests; a cursor pages by the
 * last item's keys (keyset), which is what keeps deep pages fast.
 */
package io.pistonee.collection;
