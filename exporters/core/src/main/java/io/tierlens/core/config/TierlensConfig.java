package io.tierlens.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The whole file. Exporter sections stay raw here: each exporter module binds its own section, so core
 * knows nothing of ALB or Redis.
 *
 * @param regions regions to watch with the default credentials (and default for {@code accounts})
 * @param accounts other accounts reached with AssumeRole
 * @param maxSeries per-exporter cardinality cap, default 50,000 series
 * @param ha leader election between replicas, off by default
 * @param sharding split of the work over processes, one shard by default
 */
public record TierlensConfig(
        List<String> regions,
        List<AccountConfig> accounts,
        ServerConfig server,
        AwsConfig aws,
        CloudWatchConfig cloudwatch,
        Integer maxSeries,
        HaConfig ha,
        ShardingConfig sharding,
        Map<String, JsonNode> exporters)
        implements ConfigChecked {

    public TierlensConfig {
        regions = regions == null ? List.of() : regions;
        accounts = accounts == null ? List.of() : accounts;
        maxSeries = maxSeries == null ? 50_000 : maxSeries;
        ha = ha == null ? HaConfig.disabled() : ha;
        sharding = sharding == null ? ShardingConfig.none() : sharding;
        exporters = exporters == null ? Map.of() : exporters;
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        Regions.check(regions, "regions", problems);
        if (maxSeries < 1) {
            problems.add("max_series", "must be positive", "the default is 50000");
        }
        if (regions.isEmpty() && accounts.stream().anyMatch(a -> a.regions().isEmpty())) {
            problems.add("regions", "no region to watch", "set regions: [eu-west-1] (or regions under each account)");
        }
    }
}
