package io.tierlens.rds.model;

import static io.tierlens.rds.testing.FakeRdsApi.instance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsInventoryTest {

    private static RdsInventory inventory(List<DbInstance> instances, List<DbCluster> clusters) {
        return new RdsInventory(instances, clusters, Map.of(), Map.of(), Instant.EPOCH);
    }

    @Test
    void clusterMembersTakeTheirRoleFromTheCluster() {
        DbInstance w = instance("w").cluster("c").build();
        DbInstance r = instance("r").cluster("c").build();
        DbInstance unlisted = instance("new").cluster("c").build();
        DbCluster c = new DbCluster(
                "c",
                "arn",
                "aurora-mysql",
                "8.0",
                "available",
                List.of(new DbCluster.Member("w", true), new DbCluster.Member("r", false)),
                Map.of());
        RdsInventory inv = inventory(List.of(w, r, unlisted), List.of(c));

        assertThat(inv.role(w)).isEqualTo(RdsInventory.WRITER);
        assertThat(inv.role(r)).isEqualTo(RdsInventory.READER);
        assertThat(inv.role(unlisted)).isEqualTo(RdsInventory.STANDALONE);
    }

    @Test
    void outsideAClusterSourceAndReplicaAreWriterAndReader() {
        DbInstance source = instance("shop-db-1").replicas("shop-db-2").build();
        DbInstance replica = instance("shop-db-2").replicaOf("shop-db-1").build();
        DbInstance alone = instance("blog").build();
        RdsInventory inv = inventory(List.of(source, replica, alone), List.of());

        assertThat(inv.role(source)).isEqualTo(RdsInventory.WRITER);
        assertThat(inv.role(replica)).isEqualTo(RdsInventory.READER);
        assertThat(inv.role(alone)).isEqualTo(RdsInventory.STANDALONE);
        assertThat(inv.byIdentifier()).containsOnlyKeys("shop-db-1", "shop-db-2", "blog");
    }
}
