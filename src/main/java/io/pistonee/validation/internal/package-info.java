/**
 * Internal to validation: Bean Validation violations as a 400 problem's field errors. Not API: it
 * may change in any release. The concept and its decisions: {@link io.pistonee.validation}.
 */
package io.pistonee.validation.internal;
