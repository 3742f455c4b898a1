package io.pistonee.conditional.internal;

import io.pistonee.config.PistonConfig;
import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.problem.Rc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Conditional requests (RFC 9110 §13), one call per kind of operation: the validators of a
 * collection, of an item read, of a written item, and the precondition of a write.
 *
 * <ul>
 *   <li>list: a weak {@code ETag}; a matching {@code If-None-Match} answers 304;</li>
 *   <li>read: a strong {@code ETag} (one per representation, see {@link EntityTags}) and
 *       {@code Last-Modified} where the model has one; {@code If-None-Match}, else
 *       {@code If-Modified-Since}, answers 304;</li>
 *   <li>create, update, patch: the new item's {@code ETag};</li>
 *   <li>update, patch, delete: {@code If-Match}, {@code If-None-Match} and {@code If-Unmodified-Since}
 *       are checked against the item as it is inside the write's transaction (412); with
 *       {@code piston.conditional.require-if-match}, a write without {@code If-Match} to a handler
 *       that reads its items answers 428.</li>
 * </ul>
 */
@ApplicationScoped
public class Conditions {

    @Inject
    EntityTags tags;

    @Inject
    PistonConfig config;

    /** A collection's validators: its weak tag, or no tag for a one-pass sequence (a stream, an iterator). */
    public Validators ofCollection(
            HandlerDescriptor handler, Object result, URI root, Variant variant, HttpHeaders headers) {
        String etag = tags.ofCollection(handler, result, root, variant);
        boolean current = Preconditions.noneMatchFails(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag);
        return new Validators(etag, Optional.empty(), current);
    }

    /** An item's validators, and whether the client's copy of it is current. */
    public Validators ofRead(HandlerDescriptor handler, Object item, URI root, Variant variant, HttpHeaders headers) {
        String etag = tags.of(handler, item, root, variant);
        Optional<Instant> modified = tags.lastModified(item);
        return new Validators(etag, modified, notModified(headers, etag, modified));
    }

    /** The tag of an item just created or written. */
    public Validators ofWritten(HandlerDescriptor handler, Object item, URI root, Variant variant) {
        return new Validators(tags.of(handler, item, root, variant), Optional.empty(), false);
    }

    /**
     * The conditions of a write, checked by the dispatcher against the item as it is in the write's
     * transaction; 428 at once when {@code If-Match} is required and missing.
     */
    public Precondition ofWrite(HandlerDescriptor handler, HttpHeaders headers, URI root, Variant variant) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        String ifUnmodifiedSince = headers.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE);
        if (ifMatch == null && config.requireIfMatch() && handler.provides(Operation.READ)) {
            throw Rc.PRECONDITION_REQUIRED.error(
                    "This write needs If-Match with the item's current ETag (read the item to get it).");
        }
        if (ifMatch == null && ifNoneMatch == null && ifUnmodifiedSince == null) {
            return Precondition.NONE;
        }
        return current -> {
            String state = current == null ? null : tags.state(handler, current, root);
            String etag = current == null ? null : tags.of(handler, current, root, variant);
            Map<String, String> tagHeader = etag == null ? Map.of() : Map.of(HttpHeaders.ETAG, etag);
            if (ifMatch != null && (current == null || !Preconditions.stateMatches(ifMatch, state))) {
                throw Rc.PRECONDITION_FAILED.error(
                        "If-Match does not match the item's current ETag" + (etag == null ? "" : " " + etag) + ".",
                        tagHeader);
            }
            if (ifNoneMatch != null && current != null && Preconditions.stateNoneMatchFails(ifNoneMatch, state)) {
                throw Rc.PRECONDITION_FAILED.error("If-None-Match matches the item's current ETag.", tagHeader);
            }
            Optional<Instant> modified = current == null ? Optional.empty() : tags.lastModified(current);
            if (ifMatch == null
                    && ifUnmodifiedSince != null
                    && modified.isPresent()
                    && Preconditions.parseDate(ifUnmodifiedSince) != null
                    && Preconditions.modifiedSince(ifUnmodifiedSince, modified.get())) {
                throw Rc.PRECONDITION_FAILED.error("The item was modified after If-Unmodified-Since.", tagHeader);
            }
        };
    }

    /** Whether {@code If-None-Match}, or else {@code If-Modified-Since}, says the client's copy is current. */
    private static boolean notModified(HttpHeaders headers, String etag, Optional<Instant> modified) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return Preconditions.noneMatchFails(ifNoneMatch, etag);
        }
        String since = headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        return since != null
                && modified.isPresent()
                && Preconditions.parseDate(since) != null
                && !Preconditions.modifiedSince(since, modified.get());
    }
}
