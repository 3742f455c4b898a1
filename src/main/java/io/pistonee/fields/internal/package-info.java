/**
 * Internal to shaping: the field-spec parser and the shaper that turns results into trees or
 * writes them to a generator. Not API: it may change in any release. The concept and its
 * decisions: {@link io.pistonee.fields}.
 */
package io.pistonee.fields.internal;
