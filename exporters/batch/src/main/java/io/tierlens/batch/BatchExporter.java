package io.tierlens.batch;

import io.tierlens.batch.client.CronJobApi;
import io.tierlens.batch.collector.CronJobCollector;
import io.tierlens.core.exporter.Exporter;
import io.tierlens.core.exporter.RefreshResult;
import java.time.Clock;
import java.time.Duration;

/** Lists CronJobs and their newest Jobs each refresh and serves their status. */
public final class BatchExporter implements Exporter {
    private final BatchConfig config;
    private final CronJobApi api;
    private final Clock clock;

    public BatchExporter(BatchConfig config, CronJobApi api, Clock clock) {
        this.config = config;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public String name() {
        return BatchModule.NAME;
    }

    @Override
    public Duration refreshInterval() {
        return config.refresh();
    }

    @Override
    public Duration maxStaleness() {
        return config.maxStaleness();
    }

    @Override
    public RefreshResult refresh() {
        var cronJobs = api.cronJobs();
        return RefreshResult.of(CronJobCollector.collect(cronJobs), clock.instant());
    }
}
