package io.tierlens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierlens.app.wiring.Modules;
import io.tierlens.core.exporter.ExporterModule;
import io.tierlens.demo.session.SessionLayout;
import org.junit.jupiter.api.Test;

class DemoModulesTest {

    @Test
    void everyExporterTheBuildShipsHasASimulation() {
        // a new exporter without a DemoModule would fail the demo at start: catch it here instead
        assertThat(DemoModules.all(SessionLayout.INDEXED).keySet())
                .containsExactlyElementsOf(
                        Modules.all().stream().map(ExporterModule::name).toList());
    }
}
