package io.tierlens.core.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * An exporter's snapshot together with its expositions, rendered at most once per published snapshot. Rendering
 * 10,000+ series costs tens of milliseconds of CPU; doing it once instead of in every scrape keeps {@code /metrics}
 * at the cost of writing shared bytes, however often and by however many scrapers it is read.
 *
 * <p>Both formats (Prometheus text and OpenMetrics), each plain and gzip-compressed, are rendered when the snapshot
 * is published, on the refresh thread: Prometheus asks for OpenMetrics and gzip by default, and rendering them in a
 * scrape made 50 concurrent scrapers queue behind the first one. Each gzip rendering is one complete gzip member: the endpoint concatenates members, which RFC 1952 allows and every gzip reader
 * (Go's included) decodes as one stream.
 */
public final class RenderedSnapshot {
    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();
    private static final OpenMetricsTextFormatWriter OPEN_METRICS = OpenMetricsTextFormatWriter.create();
    private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    public static final String OPENMETRICS_CONTENT_TYPE = OpenMetricsTextFormatWriter.CONTENT_TYPE;
    public static final RenderedSnapshot EMPTY = render(MetricSnapshots.of());

    /** The exposition formats tierlens serves. */
    public enum Format {
        TEXT,
        OPENMETRICS;
    }

    private final MetricSnapshots snapshots;
    private final byte[] text;
    private final byte[] textGzip;
    private final byte[] openMetrics;
    private final byte[] openMetricsGzip;

    private RenderedSnapshot(MetricSnapshots snapshots) {
        this.snapshots = snapshots;
        this.text = text(snapshots);
        this.textGzip = gzip(text);
        this.openMetrics = openMetricsWithoutEof(snapshots);
        this.openMetricsGzip = gzip(openMetrics);
    }

    /** Renders every format and encoding now, on the caller's (refresh) thread. */
    public static RenderedSnapshot render(MetricSnapshots snapshots) {
        return new RenderedSnapshot(snapshots);
    }

    public MetricSnapshots snapshots() {
        return snapshots;
    }

    /** Prometheus text format 0.0.4. The array is shared: never modify it. */
    public byte[] text() {
        return text;
    }

    /**
     * The body part for {@code format}, gzip-compressed or not. OpenMetrics parts carry no {@code # EOF}: the whole
     * response ends with one ({@link #openMetricsEof}). The array is shared: never modify it.
     */
    public byte[] body(Format format, boolean gzip) {
        if (format == Format.TEXT) {
            return gzip ? textGzip : text;
        }
        return gzip ? openMetricsGzip : openMetrics;
    }

    /** Prometheus text format 0.0.4, the format of {@link #CONTENT_TYPE}. */
    public static byte[] text(MetricSnapshots snapshots) {
        return write(TEXT, snapshots);
    }

    /** OpenMetrics 1.0 text without its closing {@code # EOF} line, so that parts can be concatenated. */
    public static byte[] openMetricsWithoutEof(MetricSnapshots snapshots) {
        byte[] all = write(OPEN_METRICS, snapshots);
        int cut = all.length - EOF.length;
        if (cut >= 0 && Arrays.equals(all, cut, all.length, EOF, 0, EOF.length)) {
            return Arrays.copyOf(all, cut);
        }
        return all;
    }

    /** The line that ends an OpenMetrics exposition. */
    public static byte[] openMetricsEof() {
        return EOF.clone();
    }

    /** {@code bytes} as one complete gzip member. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 8));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] write(ExpositionFormatWriter writer, MetricSnapshots snapshots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
