package io.pistonee.cluster;

/**
 * A map of strings shared by every instance of a cluster (where the server offers a distributed
 * cache), whose entries expire by themselves. Every method is one atomic operation; an expired entry
 * is absent.
 */
public interface SharedMap {

    /** The value, or {@code null} when there is none. */
    String get(String key);

    /** Adds an entry unless the key is present; whether it was added. */
    boolean putIfAbsent(String key, String value);

    /** Replaces the value only if it is still {@code expected} (compare-and-set); whether it did. */
    boolean replace(String key, String expected, String value);

    /** Sets the value, whatever was there. */
    void put(String key, String value);

    /** Removes the entry, if any. */
    void remove(String key);
}
