package io.tierlens.cost;

import io.tierlens.core.config.ConfigChecked;
import io.tierlens.core.config.ConfigProblems;
import io.tierlens.cost.model.Tier;
import java.util.List;
import java.util.Map;

/**
 * {@code exporters.cost.inventory:} overrides of what the ALB and RDS exporters and NAT discovery find, and what
 * cannot be discovered. A load balancer or database named here replaces the discovered one of that name (or is
 * added); {@code nat_gateways} counts gateways only while discovery finds none; {@code ebs_gb} replaces the
 * estimate from the nodes for the tiers it names. Empty by default: everything is discovered or estimated.
 *
 * @param clusters EKS control planes covered, default 1
 * @param loadBalancers ALBs with their tier and consumed LCUs
 * @param databases RDS instances
 * @param natGateways NAT gateways to price while discovery finds none, default 0
 * @param ebsGb EBS GB by tier
 * @param eksVersion the cluster's Kubernetes minor version ({@code 1.31}); past its standard support end the
 *     control plane is priced at the extended support rate. "" = unknown, priced as standard (estimated)
 * @param nodeVolumeGb root volume GB per node for the EBS estimate, default 20 (Karpenter's default for AL2023)
 */
public record InventoryConfig(
        Integer clusters,
        List<LoadBalancer> loadBalancers,
        List<Database> databases,
        Integer natGateways,
        Map<String, Double> ebsGb,
        String eksVersion,
        Double nodeVolumeGb)
        implements ConfigChecked {

    public InventoryConfig {
        clusters = clusters == null ? 1 : clusters;
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        databases = databases == null ? List.of() : List.copyOf(databases);
        natGateways = natGateways == null ? 0 : natGateways;
        ebsGb = ebsGb == null ? Map.of() : Map.copyOf(ebsGb);
        eksVersion = eksVersion == null ? "" : eksVersion;
        nodeVolumeGb = nodeVolumeGb == null ? 20.0 : nodeVolumeGb;
    }

    /** @param lcus consumed LCUs per hour, default 1 */
    public record LoadBalancer(String name, String tier, Double lcus) implements ConfigChecked {
        public LoadBalancer {
            name = name == null ? "" : name;
            tier = tier == null ? Tier.WEB : tier;
            lcus = lcus == null ? 1.0 : lcus;
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            checkTier(tier, ConfigProblems.join(path, "tier"), problems);
            if (lcus < 0) {
                problems.add(ConfigProblems.join(path, "lcus"), "must not be negative", "e.g. 2.5");
            }
        }
    }

    /**
     * @param engine RDS engine id, default mysql
     * @param storageGb allocated GB, default 20
     */
    public record Database(
            String name, String instanceClass, String engine, Boolean multiAz, Double storageGb, String tier)
            implements ConfigChecked {
        public Database {
            name = name == null ? "" : name;
            instanceClass = instanceClass == null ? "" : instanceClass;
            engine = engine == null ? "mysql" : engine;
            multiAz = multiAz != null && multiAz;
            storageGb = storageGb == null ? 20.0 : storageGb;
            tier = tier == null ? Tier.DB : tier;
        }

        @Override
        public void check(String path, ConfigProblems problems) {
            if (!instanceClass.startsWith("db.")) {
                problems.add(
                        ConfigProblems.join(path, "instance_class"),
                        "expected an RDS instance class",
                        "e.g. db.r6g.large");
            }
            checkTier(tier, ConfigProblems.join(path, "tier"), problems);
        }
    }

    @Override
    public void check(String path, ConfigProblems problems) {
        if (clusters < 0 || natGateways < 0) {
            problems.add(path, "counts must not be negative", "use 0 or more");
        }
        if (!eksVersion.isEmpty() && !eksVersion.matches("v?1\\.\\d{1,3}(\\..*)?")) {
            problems.add(ConfigProblems.join(path, "eks_version"), "expected a Kubernetes version", "e.g. 1.31");
        }
        if (nodeVolumeGb < 0) {
            problems.add(ConfigProblems.join(path, "node_volume_gb"), "must not be negative", "e.g. 20");
        }
        ebsGb.keySet().forEach(t -> checkTier(t, ConfigProblems.join(path, "ebs_gb"), problems));
    }

    static void checkTier(String tier, String path, ConfigProblems problems) {
        if (!Tier.ALL.contains(tier)) {
            problems.add(
                    path,
                    "unknown tier \"" + tier + "\"",
                    "use one of " + String.join(", ", Tier.ALL.stream().sorted().toList()));
        }
    }
}
