package io.tierlens.dr.model;

import java.time.Instant;

/**
 * One dump file in the DR site's storage.
 *
 * @param name the blob name (kept out of labels: dump names carry dates and grow without bound)
 * @param lastModified when the storage last wrote it, i.e. when the copy arrived
 * @param sizeBytes its length
 */
public record DumpObject(String name, Instant lastModified, long sizeBytes) {}
