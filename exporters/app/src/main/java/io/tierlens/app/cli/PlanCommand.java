package io.tierlens.app.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tierlens.app.wiring.LiveEnvironmentFactory;
import io.tierlens.app.wiring.Modules;
import io.tierlens.app.wiring.RuntimeEnvironment;
import io.tierlens.app.wiring.TargetResolver;
import io.tierlens.core.aws.AwsTarget;
import io.tierlens.core.cloudwatch.Freshness;
import io.tierlens.core.cloudwatch.MetricQuery;
import io.tierlens.core.cloudwatch.PlannedCalls;
import io.tierlens.core.cloudwatch.ReplaySchedule;
import io.tierlens.core.config.CloudWatchConfig;
import io.tierlens.core.config.ConfigException;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.config.LoadedConfig;
import io.tierlens.core.config.ShardingConfig;
import io.tierlens.core.exporter.ExporterEnvironment;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.core.metrics.SelfMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tierlens plan}: what the configuration will ask of CloudWatch per (account, region) — queries,
 * GetMetricData calls per refresh, and USD per month — from live discovery, or offline from inventory counts. With
 * {@code --shards N} (or {@code sharding.shards} > 1), the same per shard ({@link ShardPlan}).
 */
@Command(
        name = "plan",
        description = "Show CloudWatch queries, GetMetricData calls and projected USD/month per (account, region),"
                + " with each exporter's freshness classes (fetch interval, lag). With --offline, no AWS call is made.")
public final class PlanCommand implements Callable<Integer> {
    @Option(
            names = {"-c", "--config"},
            required = true,
            description = "YAML configuration file.")
    Path config;

    @Option(names = "--offline", description = "Do not call AWS; use --inventory counts instead of discovery.")
    boolean offline;

    @Option(
            names = "--inventory",
            split = ",",
            description =
                    "Resource counts per (account, region) for --offline, e.g. load_balancer=200,target_group=600.")
    Map<String, Integer> inventory = new LinkedHashMap<>();

    @Option(
            names = "--shards",
            description = "Show the load of each of N shards (default: sharding.shards of the config): targets,"
                    + " queries, GetMetricData calls and the call rate each needs, USD/month. See docs/scaling.md.")
    Integer shards;

    @Option(
            names = "--gmd-tps-budget",
            description = "GetMetricData calls per second one shard may send (default: the process's rate limit,"
                    + " aws.operation_requests_per_second.GetMetricData, else aws.requests_per_second = 5).")
    Double gmdTpsBudget;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ExporterModule<?>> modules = Modules.all();
        LoadedConfig loaded;
        try {
            loaded = Configs.load(modules, config);
        } catch (ConfigException e) {
            return Configs.report(e, err);
        }
        if (offline && inventory.isEmpty()) {
            err.println("--offline needs --inventory, e.g. --inventory " + String.join("=N,", kinds(modules)) + "=N");
            return Configs.INVALID;
        }
        List<String> unknown = inventory.keySet().stream()
                .filter(k -> !kinds(modules).contains(k))
                .toList();
        if (!unknown.isEmpty()) {
            err.println("unknown inventory kind(s) " + unknown + "; known: " + kinds(modules));
            return Configs.INVALID;
        }
        if (shards != null && (shards < 1 || shards > ShardingConfig.MAX_SHARDS)) {
            err.println("--shards must be between 1 and " + ShardingConfig.MAX_SHARDS);
            return Configs.INVALID;
        }
        if (gmdTpsBudget != null && !(gmdTpsBudget > 0)) {
            err.println("--gmd-tps-budget must be a positive number of calls per second");
            return Configs.INVALID;
        }
        Map<AwsTarget, Map<String, List<MetricQuery>>> plan =
                offline ? offlinePlan(loaded, modules) : livePlan(loaded, modules);
        int shardCount = shards != null ? shards : loaded.core().sharding().shards();
        if (shards == null && shardCount == 1) {
            List<Row> rows = new ArrayList<>();
            plan.forEach((t, byExporter) ->
                    rows.add(Row.of(t, byExporter, loaded.core().cloudwatch())));
            print(rows, out);
            return 0;
        }
        ShardPlan shardPlan =
                new ShardPlan(shardCount, loaded.core().cloudwatch().maxQueriesPerCall(), loaded.exporters());
        plan.forEach(shardPlan::add);
        double budget = gmdTpsBudget != null
                ? gmdTpsBudget
                : ShardPlan.budget(loaded.core().aws());
        shardPlan.print(out, budget, shortestInterval(plan));
        out.flush();
        return 0;
    }

    /** The shortest fetch interval of any query: every round must be sent before the next one is due. */
    private static Duration shortestInterval(Map<AwsTarget, Map<String, List<MetricQuery>>> plan) {
        return plan.values().stream()
                .flatMap(m -> m.values().stream())
                .flatMap(List::stream)
                .map(q -> q.freshness().interval())
                .min(Comparator.naturalOrder())
                .orElse(Duration.ofMinutes(1));
    }

    private Map<AwsTarget, Map<String, List<MetricQuery>>> offlinePlan(
            LoadedConfig loaded, List<ExporterModule<?>> modules) {
        List<AwsTarget> targets = TargetResolver.resolve(
                loaded.core(),
                () -> loaded.core().aws().accountId().isEmpty()
                        ? "default"
                        : loaded.core().aws().accountId());
        Map<AwsTarget, Map<String, List<MetricQuery>>> plan = new LinkedHashMap<>();
        for (AwsTarget t : targets) {
            Map<String, List<MetricQuery>> byExporter = new LinkedHashMap<>();
            for (ExporterModule<?> m : enabled(loaded, modules)) {
                byExporter.put(m.name(), planned(m, loaded, inventory));
            }
            plan.put(t, byExporter);
        }
        return plan;
    }

    private Map<AwsTarget, Map<String, List<MetricQuery>>> livePlan(
            LoadedConfig loaded, List<ExporterModule<?>> modules) throws Exception {
        SelfMetrics self = new SelfMetrics(new PrometheusRegistry());
        try (RuntimeEnvironment runtime = new LiveEnvironmentFactory(Clock.systemUTC()).create(loaded, self)) {
            Map<AwsTarget, Map<String, List<MetricQuery>>> plan = new LinkedHashMap<>();
            for (AwsTarget t : runtime.env().targets()) {
                Map<String, List<MetricQuery>> byExporter = new LinkedHashMap<>();
                for (ExporterModule<?> m : enabled(loaded, modules)) {
                    byExporter.put(m.name(), discovered(m, loaded, runtime.env(), t));
                }
                plan.put(t, byExporter);
            }
            return plan;
        }
    }

    private static void print(List<Row> rows, PrintWriter out) {
        out.printf(
                "%-14s %-16s %8s %14s %16s %12s%n",
                "account", "region", "queries", "calls/round", "metrics/month", "USD/month");
        double total = 0;
        for (Row r : rows) {
            out.printf(
                    "%-14s %-16s %8d %14d %16.0f %12.2f%n",
                    r.account, r.region, r.queries, r.calls, r.metricsPerMonth, r.usd);
            for (ClassRow c : r.classes) {
                out.printf(
                        "  %-10s %-9s every %-5s lag %-9s %8d %14d %16.0f %12.2f%n",
                        c.exporter,
                        c.freshness,
                        seconds(c.interval),
                        seconds(c.minLag) + "-" + seconds(c.maxLag),
                        c.queries,
                        c.calls,
                        c.metricsPerMonth,
                        c.usd);
            }
            total += r.usd;
        }
        out.printf("total projected GetMetricData cost: %.2f USD per 30-day month; ListMetrics calls: 0%n", total);
        out.println("calls/round: GetMetricData calls when every class is due (alerting-only rounds make fewer);"
                + " lag: how long after a period ends its datapoint is served (docs/cloudwatch-cost.md)");
        out.flush();
    }

    private static String seconds(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    private static List<ExporterModule<?>> enabled(LoadedConfig loaded, List<ExporterModule<?>> modules) {
        return modules.stream()
                .filter(m -> {
                    ExporterSettings s = loaded.exporters().get(m.name());
                    return s != null && s.enabled();
                })
                .toList();
    }

    private static List<String> kinds(List<ExporterModule<?>> modules) {
        return modules.stream()
                .flatMap(m -> m.inventoryKinds().stream())
                .distinct()
                .toList();
    }

    private static <C extends ExporterSettings> List<MetricQuery> planned(
            ExporterModule<C> m, LoadedConfig loaded, Map<String, Integer> inv) {
        return m.plannedQueries(m.configType().cast(loaded.exporters().get(m.name())), inv);
    }

    private static <C extends ExporterSettings> List<MetricQuery> discovered(
            ExporterModule<C> m, LoadedConfig loaded, ExporterEnvironment env, AwsTarget t) throws Exception {
        return m.discoverQueries(m.configType().cast(loaded.exporters().get(m.name())), env, t);
    }

    /** One line of the plan: a target's queries, packed as the planner packs them. */
    record Row(
            String account,
            String region,
            int queries,
            int calls,
            double metricsPerMonth,
            double usd,
            List<ClassRow> classes) {
        static Row of(AwsTarget t, Map<String, List<MetricQuery>> byExporter, CloudWatchConfig cw) {
            List<MetricQuery> all = new ArrayList<>();
            List<ClassRow> classes = new ArrayList<>();
            for (Map.Entry<String, List<MetricQuery>> e : byExporter.entrySet()) {
                all.addAll(e.getValue());
                Map<Freshness, List<MetricQuery>> byFreshness =
                        new TreeMap<>(Comparator.comparing((Freshness f) -> f.freshnessClass())
                                .thenComparing(Freshness::interval));
                e.getValue()
                        .forEach(q -> byFreshness
                                .computeIfAbsent(q.freshness(), f -> new ArrayList<>())
                                .add(q));
                byFreshness.forEach((f, qs) -> classes.add(ClassRow.of(e.getKey(), f, qs, cw)));
            }
            PlannedCalls p = PlannedCalls.pack(all, cw.maxQueriesPerCall());
            return new Row(
                    t.accountName(),
                    t.region(),
                    p.distinctQueries(),
                    p.calls().size(),
                    p.metricsPerMonth(),
                    p.usdPerMonth(),
                    List.copyOf(classes));
        }
    }

    /** One exporter's queries of one freshness class. */
    record ClassRow(
            String exporter,
            String freshness,
            Duration interval,
            Duration minLag,
            Duration maxLag,
            int queries,
            int calls,
            double metricsPerMonth,
            double usd) {
        static ClassRow of(String exporter, Freshness f, List<MetricQuery> qs, CloudWatchConfig cw) {
            PlannedCalls p = PlannedCalls.pack(qs, cw.maxQueriesPerCall());
            ReplaySchedule s = new ReplaySchedule(qs.get(0).period(), f.interval(), cw.delay(), cw.lookbackPeriods());
            return new ClassRow(
                    exporter,
                    f.freshnessClass().label(),
                    f.interval(),
                    s.minLag(),
                    s.maxLag(),
                    p.distinctQueries(),
                    p.calls().size(),
                    p.metricsPerMonth(),
                    p.usdPerMonth());
        }
    }
}
