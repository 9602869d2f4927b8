package io.tierlens.batch;

import io.tierlens.batch.client.CronJobApi;
import io.tierlens.batch.collector.CronJobCollector;
import io.tierlens.core.exporter.RefreshResult;
import io.tierlens.core.exporter.SettingsExporter;
import java.time.Clock;

/** Lists CronJobs and their newest Jobs each refresh and serves their status. */
public final class BatchExporter extends SettingsExporter {
    private final BatchConfig config;
    private final CronJobApi api;
    private final Clock clock;

    public BatchExporter(BatchConfig config, CronJobApi api, Clock clock) {
        super(BatchModule.NAME, config);
        this.config = config;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public String defaultTarget() {
        return "kubernetes";
    }

    @Override
    public RefreshResult refresh() {
        var cronJobs = api.cronJobs();
        return RefreshResult.of(CronJobCollector.collect(cronJobs), clock.instant());
    }
}
