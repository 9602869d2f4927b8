package io.tierlens.dr.client;

import io.tierlens.core.exporter.ExporterException;
import io.tierlens.dr.model.DumpObject;
import java.util.List;

/** Lists the dumps of one store (a Blob container and prefix). */
public interface DumpStoreApi {
    /**
     * Every object under the store's prefix, in any order.
     *
     * @throws ExporterException with a bounded reason when the store cannot be listed
     */
    List<DumpObject> list() throws ExporterException;
}
