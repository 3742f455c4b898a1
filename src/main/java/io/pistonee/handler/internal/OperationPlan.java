package io.pistonee.handler.internal;

import java.util.Optional;

/**
 * What the framework knows about one operation of one handler, read once at start-up.
 *
 * @param access who may call it
 * @param throttle its budget, if it is throttled
 * @param streams whether its declared result may be read as it is written (a stream, an iterator, or
 *     a type that could hold one, such as {@code Object}): such a read needs the persistence context
 *     open until the response is written
 * @param loadsWhole whether its declared result is an entity, or a collection or page of one, that
 *     loads whole ({@link EagerGraphs}): shaped after its persistence context has ended, it loads
 *     nothing more, whatever the JPA provider
 */
public record OperationPlan(Access access, Optional<ThrottlePolicy> throttle, boolean streams, boolean loadsWhole) {}
