package io.tierlens.rds.testing;

import io.tierlens.core.testing.TestEnvironment;
import io.tierlens.rds.client.RdsApi;
import io.tierlens.rds.model.DbCluster;
import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.PendingMaintenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** An RDS account the test fills in; counts calls and can fail any operation. */
public final class FakeRdsApi implements RdsApi {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";

    /** Registers this fake as {@code RdsApi} of every target of {@code env}; call once per environment. */
    public static TestEnvironment.Fakes<FakeRdsApi> in(TestEnvironment env) {
        return env.fakes(RdsApi.class, t -> new FakeRdsApi());
    }

    public final List<DbInstance> instances = new ArrayList<>();
    public final List<DbCluster> clusters = new ArrayList<>();
    public final List<PendingMaintenance> pending = new ArrayList<>();
    public final Map<String, Map<String, String>> parameterGroups = new HashMap<>();
    public final Map<String, Integer> calls = new HashMap<>();
    private final Map<String, Supplier<RuntimeException>> failures = new HashMap<>();

    public void fail(String operation, Supplier<RuntimeException> error) {
        failures.put(operation, error);
    }

    public void heal() {
        failures.clear();
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    private void call(String operation) {
        calls.merge(operation, 1, Integer::sum);
        Supplier<RuntimeException> f = failures.get(operation);
        if (f != null) {
            throw f.get();
        }
    }

    @Override
    public List<DbInstance> describeDbInstances() {
        call("DescribeDBInstances");
        return List.copyOf(instances);
    }

    @Override
    public List<DbCluster> describeDbClusters() {
        call("DescribeDBClusters");
        return List.copyOf(clusters);
    }

    @Override
    public List<PendingMaintenance> describePendingMaintenanceActions() {
        call("DescribePendingMaintenanceActions");
        return List.copyOf(pending);
    }

    @Override
    public Map<String, String> userParameters(String parameterGroup) {
        call("DescribeDBParameters");
        return parameterGroups.getOrDefault(parameterGroup, Map.of());
    }

    public static String arn(String id) {
        return "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":db:" + id;
    }

    /** A builder for instances with sensible defaults: available MySQL 8.0 on db.r6g.large, gp3, 100 GiB. */
    public static Instance instance(String id) {
        return new Instance(id);
    }

    public static final class Instance {
        private final String id;
        private String engine = "mysql";
        private String instanceClass = "db.r6g.large";
        private String status = "available";
        private boolean multiAz;
        private String storageType = "gp3";
        private int allocatedGib = 100;
        private Optional<Integer> maxAllocatedGib = Optional.empty();
        private Optional<String> cluster = Optional.empty();
        private Optional<String> replicaSource = Optional.empty();
        private List<String> replicas = List.of();
        private Optional<String> parameterGroup = Optional.of("default.mysql8.0");
        private Optional<Instant> certificate = Optional.empty();
        private Optional<Integer> iops = Optional.empty();
        private Map<String, String> tags = Map.of();

        Instance(String id) {
            this.id = id;
        }

        public Instance engine(String v) {
            engine = v;
            return this;
        }

        public Instance instanceClass(String v) {
            instanceClass = v;
            return this;
        }

        public Instance status(String v) {
            status = v;
            return this;
        }

        public Instance multiAz() {
            multiAz = true;
            return this;
        }

        public Instance iops(int v) {
            iops = Optional.of(v);
            return this;
        }

        public Instance storage(String type, int gib) {
            storageType = type;
            allocatedGib = gib;
            return this;
        }

        public Instance maxAllocated(int gib) {
            maxAllocatedGib = Optional.of(gib);
            return this;
        }

        public Instance cluster(String v) {
            cluster = Optional.of(v);
            return this;
        }

        public Instance replicaOf(String v) {
            replicaSource = Optional.of(v);
            return this;
        }

        public Instance replicas(String... v) {
            replicas = List.of(v);
            return this;
        }

        public Instance parameterGroup(String v) {
            parameterGroup = Optional.ofNullable(v);
            return this;
        }

        public Instance certificateValidTill(Instant v) {
            certificate = Optional.of(v);
            return this;
        }

        public Instance tags(Map<String, String> v) {
            tags = v;
            return this;
        }

        public DbInstance build() {
            return new DbInstance(
                    id,
                    arn(id),
                    engine,
                    engine.equals("mysql") ? "8.0.39" : "15.4",
                    instanceClass,
                    status,
                    multiAz,
                    storageType,
                    allocatedGib,
                    maxAllocatedGib,
                    cluster,
                    replicaSource,
                    replicas,
                    parameterGroup,
                    certificate,
                    tags,
                    iops);
        }
    }
}
