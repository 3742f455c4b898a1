/**
 * Configuration: every {@code piston.*} key, read through MicroProfile Config in one place
 * ({@link io.pistonee.config.PistonConfig}), each with a default so an application needs none.
 */
package io.pistonee.config;
