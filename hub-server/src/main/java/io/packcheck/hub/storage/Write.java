package io.packcheck.hub.storage;

/** What a put did: stations only hear of created and updated things. */
public enum Write {
    CREATED,
    UPDATED,
    UNCHANGED
}
