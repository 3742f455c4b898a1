/**
 * Shaping: which properties of a handler's result are emitted, written once for every format.
 *
 * <p>A {@code FieldSpec} is parsed once, at start-up, from Piston's small field
 * language ({@code id, title, author(username, first_name)}); the
 * {@code Shaper} turns any value into a format-neutral tree following it. Emitters
 * only write trees, so a field rule holds the same in JSON and in every other format.
 *
 * <p>Decisions: related entities in a default field set are emitted as their ids (never the whole
 * graph, so no cycles and no lazy-loading surprises); an explicit {@code fields} list always wins
 * over {@code exclude}; only properties Jackson would serialize are visible, so
 * {@code @JsonIgnore} and {@code @JsonProperty} work as users expect.
 */
package io.pistonee.fields;
