package io.tierlens.dr.client;

import io.tierlens.dr.ProbeConfig;
import io.tierlens.dr.model.ProbeResult;

/** Probes one endpoint. Never throws for anything the endpoint does: every failure is a result. */
public interface Prober {
    ProbeResult probe(ProbeConfig probe);
}
