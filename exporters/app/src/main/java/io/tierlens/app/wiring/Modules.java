package io.tierlens.app.wiring;

import io.tierlens.alb.AlbModule;
import io.tierlens.backup.BackupModule;
import io.tierlens.batch.BatchModule;
import io.tierlens.core.config.ExporterSettings;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.cost.CostModule;
import io.tierlens.dr.DrModule;
import io.tierlens.karpenter.KarpenterModule;
import io.tierlens.rds.RdsModule;
import io.tierlens.session.SessionModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exporter modules this build ships, in the order they are documented. */
public final class Modules {
    private Modules() {}

    public static List<ExporterModule<?>> all() {
        return List.of(
                new AlbModule(),
                new RdsModule(),
                new BackupModule(),
                new DrModule(),
                new BatchModule(),
                new KarpenterModule(),
                new CostModule(),
                new SessionModule());
    }

    /** Exporter name → config record, for {@link io.tierlens.core.config.ConfigLoader}. */
    public static Map<String, Class<? extends ExporterSettings>> configTypes(List<ExporterModule<?>> modules) {
        Map<String, Class<? extends ExporterSettings>> types = new LinkedHashMap<>();
        for (ExporterModule<?> m : modules) {
            types.put(m.name(), m.configType());
        }
        return types;
    }
}
