package io.tierlens.rds.discovery;

import static io.tierlens.rds.testing.FakeRdsApi.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.MaxConnections;
import io.tierlens.rds.model.MaxConnections.Source;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaxConnectionsResolverTest {
    private final InstanceClassMemory memory = InstanceClassMemory.bundled();
    private final MaxConnectionsResolver resolver = new MaxConnectionsResolver(memory, Map.of("legacy-db", 3000L));

    private static Optional<Map<String, String>> group(String maxConnections) {
        return Optional.of(Map.of("max_connections", maxConnections));
    }

    private long expectedMysqlDefault(String instanceClass) {
        return memory.dbInstanceClassMemory(instanceClass).getAsLong() / 12_582_880L;
    }

    @Test
    void aLiteralInTheParameterGroupIsExact() {
        assertThat(resolver.resolve(instance("db").build(), group("1000")))
                .contains(new MaxConnections(1000, Source.PARAMETER));
    }

    @Test
    void aFormulaInTheParameterGroupIsEvaluatedWithTheEstimatedMemory() {
        DbInstance db = instance("db").instanceClass("db.r6g.large").build();
        assertThat(resolver.resolve(db, group("{DBInstanceClassMemory/25165760}")))
                .contains(new MaxConnections(expectedMysqlDefault("db.r6g.large") / 2, Source.PARAMETER_FORMULA));
    }

    @Test
    void withoutAUserValueMysqlAndMariadbUseTheEngineDefaultFormula() {
        DbInstance mysql = instance("db").instanceClass("db.r6g.large").build();
        MaxConnections m = resolver.resolve(mysql, Optional.of(Map.of())).orElseThrow();
        assertThat(m.source()).isEqualTo(Source.ENGINE_DEFAULT);
        assertThat(m.value()).isEqualTo(expectedMysqlDefault("db.r6g.large")).isBetween(1290L, 1330L);
        DbInstance mariadb =
                instance("m").engine("mariadb").instanceClass("db.t3.micro").build();
        assertThat(resolver.resolve(mariadb, Optional.of(Map.of())))
                .contains(new MaxConnections(expectedMysqlDefault("db.t3.micro"), Source.ENGINE_DEFAULT));
    }

    @Test
    void postgresHasItsOwnDefaultCappedAt5000() {
        DbInstance small =
                instance("pg").engine("postgres").instanceClass("db.t3.medium").build();
        long expected = memory.dbInstanceClassMemory("db.t3.medium").getAsLong() / 9_531_392L;
        assertThat(resolver.resolve(small, Optional.of(Map.of())))
                .contains(new MaxConnections(expected, Source.ENGINE_DEFAULT));
        DbInstance huge = instance("pg")
                .engine("postgres")
                .instanceClass("db.r6i.32xlarge")
                .build();
        assertThat(resolver.resolve(huge, Optional.of(Map.of())))
                .contains(new MaxConnections(5000, Source.ENGINE_DEFAULT));
    }

    @Test
    void theConfigWinsEvenWhenTheGroupCouldNotBeRead() {
        DbInstance legacy = instance("legacy-db").build();
        assertThat(resolver.resolve(legacy, group("1000"))).contains(new MaxConnections(3000, Source.CONFIG));
        assertThat(resolver.resolve(legacy, Optional.empty())).contains(new MaxConnections(3000, Source.CONFIG));
    }

    @Test
    void unknownGroupContentsUnknownClassesAndOtherEnginesGiveNoValue() {
        assertThat(resolver.resolve(instance("db").build(), Optional.empty())).isEmpty();
        assertThat(resolver.resolve(
                        instance("db").instanceClass("db.serverless").build(), Optional.of(Map.of())))
                .isEmpty();
        assertThat(resolver.resolve(instance("db").engine("aurora-mysql").build(), Optional.of(Map.of())))
                .isEmpty();
        assertThat(resolver.resolve(instance("db").engine("sqlserver-se").build(), Optional.of(Map.of())))
                .isEmpty();
        // A formula we cannot evaluate is what RDS applies: the engine default would be a wrong answer.
        assertThat(resolver.resolve(instance("db").build(), group("{AllocatedStorage/100}")))
                .isEmpty();
    }

    @Test
    void aLiteralNeedsNoKnownClass() {
        assertThat(resolver.resolve(
                        instance("db").instanceClass("db.serverless").build(), group("250")))
                .contains(new MaxConnections(250, Source.PARAMETER));
    }

    @Test
    void rdsDefaultGroupsHoldNoUserValues() {
        assertThat(MaxConnectionsResolver.customGroup("default.mysql8.0")).isFalse();
        assertThat(MaxConnectionsResolver.customGroup("shop-mysql80")).isTrue();
    }
}
