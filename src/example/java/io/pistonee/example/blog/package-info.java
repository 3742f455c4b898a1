/**
 * The example application: Piston's blog. {@link io.pistonee.example.blog.BlogPost}s written by
 * {@link io.pistonee.example.blog.Author}s, served by the model-tied
 * {@link io.pistonee.example.blog.PostHandler} at {@code /api/posts} and the model-free
 * {@link io.pistonee.example.blog.StatsHandler} at {@code /api/stats}, the whole table unpaged for admins
 * at {@code /api/export} ({@link io.pistonee.example.blog.ExportHandler}), seeded at start-up by
 * {@link io.pistonee.example.blog.BlogSeed}. The framework never imports this package.
 *
 * <p>{@code @OpenAPIDefinition} names the API in its OpenAPI document ({@code /openapi}).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Piston EE blog",
                        version = "1.0",
                        description = "Piston's blog example: posts that authors write, read by anyone, with"
                                + " statistics and an export for admins. Sign in with HTTP Basic (`testuser` /"
                                + " `foobar`) or a bearer token from `/api/oauth/token`."))
package io.pistonee.example.blog;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
