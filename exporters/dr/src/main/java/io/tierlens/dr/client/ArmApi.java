package io.tierlens.dr.client;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.dr.model.SiteResource;
import java.util.List;

/** The DR site's resource group as Azure Resource Manager describes it. */
public interface ArmApi {
    /** Every VM of the group with its power and provisioning state (from its instance view). */
    List<SiteResource> virtualMachines() throws ExporterException;

    /** Every MySQL flexible server of the group with its state and replication role. */
    List<SiteResource> mysqlServers() throws ExporterException;
}
