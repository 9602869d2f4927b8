package io.tierlens.rds.model;

import java.util.Locale;

/**
 * The {@code max_connections} of an instance and where the number comes from.
 *
 * @param value the connection limit
 * @param source how it was derived; the {@code source} label of {@code tierlens_rds_max_connections_info}
 */
public record MaxConnections(long value, Source source) {

    public enum Source {
        /** A literal value in the instance's DB parameter group: exact. */
        PARAMETER,
        /** A formula in the parameter group, evaluated with the estimated {@code DBInstanceClassMemory}. */
        PARAMETER_FORMULA,
        /** The engine's default formula, evaluated with the estimated {@code DBInstanceClassMemory}. */
        ENGINE_DEFAULT,
        /** {@code exporters.rds.max_connections} in the config. */
        CONFIG;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
