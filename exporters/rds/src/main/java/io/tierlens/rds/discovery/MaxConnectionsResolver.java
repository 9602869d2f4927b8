package io.tierlens.rds.discovery;

import io.tierlens.rds.model.DbInstance;
import io.tierlens.rds.model.MaxConnections;
import io.tierlens.rds.model.MaxConnections.Source;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Derives an instance's {@code max_connections}, first match wins: the config, a literal in its DB parameter
 * group, a formula in its parameter group, the engine's default formula. The formulas need
 * {@code DBInstanceClassMemory}, which {@link InstanceClassMemory} estimates; engines whose default is not a
 * formula of memory alone (Aurora MySQL uses {@code log}, Oracle and SQL Server have their own) get a value only
 * from the parameter group or the config.
 */
public final class MaxConnectionsResolver {
    static final String PARAMETER = "max_connections";

    /** Defaults of the RDS DB parameter group families (RDS user guide, "DB parameter groups"). */
    static final Map<String, String> ENGINE_DEFAULTS = Map.of(
            "mysql", "{DBInstanceClassMemory/12582880}",
            "mariadb", "{DBInstanceClassMemory/12582880}",
            "postgres", "LEAST({DBInstanceClassMemory/9531392},5000)");

    private final InstanceClassMemory memory;
    private final Map<String, Long> configured;

    public MaxConnectionsResolver(InstanceClassMemory memory, Map<String, Long> configured) {
        this.memory = memory;
        this.configured = Map.copyOf(configured);
    }

    /**
     * @param groupParameters the user-set parameters of the instance's parameter group (an empty map for a
     *     default group); empty when they could not be read, which leaves only the config as a source
     */
    public Optional<MaxConnections> resolve(DbInstance instance, Optional<Map<String, String>> groupParameters) {
        Long fromConfig = configured.get(instance.identifier());
        if (fromConfig != null) {
            return Optional.of(new MaxConnections(fromConfig, Source.CONFIG));
        }
        if (groupParameters.isEmpty()) {
            // Unknown group contents: the engine default might not be what applies.
            return Optional.empty();
        }
        String set = groupParameters.get().get(PARAMETER);
        if (set != null && !set.isBlank()) {
            if (ParameterFormula.isLiteral(set)) {
                return Optional.of(new MaxConnections(Long.parseLong(set.strip()), Source.PARAMETER));
            }
            // A formula the user wrote is what RDS applies; when we cannot evaluate it, the engine default would
            // be wrong, so there is no value.
            return evaluate(set, instance).map(v -> new MaxConnections(v, Source.PARAMETER_FORMULA));
        }
        String engineDefault = ENGINE_DEFAULTS.get(instance.engine());
        if (engineDefault == null) {
            return Optional.empty();
        }
        return evaluate(engineDefault, instance).map(v -> new MaxConnections(v, Source.ENGINE_DEFAULT));
    }

    private Optional<Long> evaluate(String formula, DbInstance instance) {
        OptionalLong mem = memory.dbInstanceClassMemory(instance.instanceClass());
        if (mem.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong v = ParameterFormula.evaluate(formula, mem.getAsLong());
        return v.isPresent() && v.getAsLong() > 0 ? Optional.of(v.getAsLong()) : Optional.empty();
    }

    /** Whether the group can hold user-set values: RDS's own {@code default.*} groups cannot be modified. */
    public static boolean customGroup(String parameterGroup) {
        return !parameterGroup.startsWith("default.");
    }
}
