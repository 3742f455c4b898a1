package io.pistonee.openapi.internal;

import io.pistonee.handler.Operation;
import io.pistonee.handler.internal.HandlerDescriptor;
import io.pistonee.handler.internal.ThrottlePolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The throttles on operations, as the throttle filter applies them ({@code @Throttle} and
 * {@code piston.throttle.*}): the budget in the operation's description and in an
 * {@code x-throttle} extension ({@code {requests: 20, per: 60, scope: post_updates}}), the
 * {@code RateLimit-*} headers on its answers, and 429.
 */
final class ThrottleDocs {

    /** The extension that states an operation's budget. */
    static final String EXTENSION = "x-throttle";

    private final BiFunction<HandlerDescriptor, Operation, Optional<ThrottlePolicy>> policies;

    /** @param policies the policy of an operation, if it is throttled (and throttling is on) */
    ThrottleDocs(BiFunction<HandlerDescriptor, Operation, Optional<ThrottlePolicy>> policies) {
        this.policies = policies;
    }

    /** Whether an operation is throttled. */
    boolean throttled(HandlerDescriptor handler, Operation operation) {
        return policies.apply(handler, operation).isPresent();
    }

    /** What the operation's description says about its budget, or an empty string. */
    String describe(HandlerDescriptor handler, Operation operation) {
        return policies.apply(handler, operation)
                .map(policy -> " Throttled: " + policy.requests() + " requests per " + seconds(policy)
                        + " s per caller (the user, else the client address), budget `" + policy.scope()
                        + "`; then 429 until the window ends.")
                .orElse("");
    }

    /** {@code x-throttle: {requests, per, scope}} on a throttled operation. */
    void extend(
            org.eclipse.microprofile.openapi.models.Operation generated,
            HandlerDescriptor handler,
            Operation operation) {
        policies.apply(handler, operation).ifPresent(policy -> {
            Map<String, Object> budget = new LinkedHashMap<>();
            budget.put("requests", policy.requests());
            budget.put("per", seconds(policy));
            budget.put("scope", policy.scope());
            generated.addExtension(EXTENSION, budget);
        });
    }

    /** The {@code RateLimit-*} headers on the answers of a throttled operation. */
    void headers(APIResponse response, HandlerDescriptor handler, Operation operation) {
        if (throttled(handler, operation)) {
            rateLimit().forEach(response::addHeader);
        }
    }

    /** The IETF RateLimit fields the throttle filter sends. */
    static Map<String, Header> rateLimit() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Typed.header("The requests per window.", SchemaType.INTEGER));
        headers.put("RateLimit-Remaining", Typed.header("How many more pass in this window.", SchemaType.INTEGER));
        headers.put("RateLimit-Reset", Typed.header("Seconds until the window ends.", SchemaType.INTEGER));
        return headers;
    }

    private static long seconds(ThrottlePolicy policy) {
        return policy.window().getSeconds();
    }
}
