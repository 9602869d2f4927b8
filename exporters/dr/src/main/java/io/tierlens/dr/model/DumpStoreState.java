package io.tierlens.dr.model;

import java.util.Optional;

/**
 * What one dump store holds for a site, as one refresh saw it.
 *
 * @param site the {@code site} label (the site the dumps restore onto)
 * @param store the {@code store} label, the configured name of the container/prefix
 * @param newest the newest dump matching the name pattern; empty when there is none
 * @param objectsInRetention how many matching dumps are younger than the retention window
 * @param newestSizeRatio the newest dump's size over the median size of the dumps before it (up to the configured
 *     number); empty when there is no earlier dump to compare with or their median is 0
 */
public record DumpStoreState(
        String site,
        String store,
        Optional<DumpObject> newest,
        int objectsInRetention,
        Optional<Double> newestSizeRatio) {}
