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
 * GetMetricData calls per refresh, and USD per month — from live discovery, or offline from inventory counts.
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
        List<Row> rows = offline ? offlineRows(loaded, modules) : liveRows(loaded, modules);
        print(rows, out);
        return 0;
    }

    private List<Row> offlineRows(LoadedConfig loaded, List<ExporterModule<?>> modules) {
        List<AwsTarget> targets = TargetResolver.resolve(
                loaded.core(),
                () -> loaded.core().aws().accountId().isEmpty()
                        ? "default"
                        : loaded.core().aws().accountId());
        List<Row> rows = new ArrayList<>();
        for (AwsTarget t : targets) {
            Map<String, List<MetricQuery>> byExporter = new LinkedHashMap<>();
            for (ExporterModule<?> m : enabled(loaded, modules)) {
                byExporter.put(m.name(), planned(m, loaded, inventory));
            }
            rows.add(Row.of(t, byExporter, loaded.core().cloudwatch()));
        }
        return rows;
    }

    private List<Row> liveRows(LoadedConfig loaded, List<ExporterModule<?>> modules) throws Exception {
        SelfMetrics self = new SelfMetrics(new PrometheusRegistry());
        try (RuntimeEnvironment runtime = new LiveEnvironmentFactory(Clock.systemUTC()).create(loaded, self)) {
            List<Row> rows = new ArrayList<>();
            for (AwsTarget t : runtime.env().targets()) {
                Map<String, List<MetricQuery>> byExporter = new LinkedHashMap<>();
                for (ExporterModule<?> m : enabled(loaded, modules)) {
                    byExporter.put(m.name(), discovered(m, loaded, runtime.env(), t));
                }
                rows.add(Row.of(t, byExporter, loaded.core().cloudwatch()));
            }
            return rows;
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
