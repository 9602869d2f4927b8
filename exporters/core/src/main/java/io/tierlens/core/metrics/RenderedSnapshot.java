package io.tierlens.core.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An exporter's snapshot together with its text exposition, rendered once when the snapshot is published.
 * Rendering 10,000+ series costs tens of milliseconds of CPU; doing it in the refresh thread instead of in
 * every scrape keeps {@code /metrics} at the cost of copying bytes, however often it is scraped.
 */
public record RenderedSnapshot(MetricSnapshots snapshots, byte[] text) {
    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    public static final RenderedSnapshot EMPTY = new RenderedSnapshot(MetricSnapshots.of(), new byte[0]);

    public static RenderedSnapshot render(MetricSnapshots snapshots) {
        return new RenderedSnapshot(snapshots, text(snapshots));
    }

    /** Prometheus text format 0.0.4, the format of {@link #CONTENT_TYPE}. */
    public static byte[] text(MetricSnapshots snapshots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            WRITER.write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
}
