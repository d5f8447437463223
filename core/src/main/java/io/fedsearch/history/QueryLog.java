package io.fedsearch.history;

/**
 * Where queries are kept. Ids come from the store so replicas sharing it never collide; {@link #append}
 * must not make the caller wait for the store, yet lose nothing.
 */
public interface QueryLog {

    /** A new query id, unique across every replica sharing the store. */
    long nextId();

    /** Keeps the record; readable by id on this node as soon as this returns. */
    void append(QueryRecord record);

    /** One kept query with its results; empty when there is none with that id. */
    java.util.Optional<QueryRecord> find(long queryId);
}
