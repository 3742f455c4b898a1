/**
 * The example application: Piston's blog. {@link io.pistonee.example.blog.BlogPost}s written by
 * {@link io.pistonee.example.blog.Author}s, served by the model-tied
 * {@link io.pistonee.example.blog.PostHandler} at {@code /api/posts} and the model-free
 * {@link io.pistonee.example.blog.StatsHandler} at {@code /api/stats}, the whole table unpaged for admins
 * at {@code /api/export} ({@link io.pistonee.example.blog.ExportHandler}), seeded at start-up by
 * {@link io.pistonee.example.blog.BlogSeed}. The framework never imports this package.
 */
package io.pistonee.example.blog;
