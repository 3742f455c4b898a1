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
 */
public record OperationPlan(Access access, Optional<ThrottlePolicy> throttle, boolean streams) {}
