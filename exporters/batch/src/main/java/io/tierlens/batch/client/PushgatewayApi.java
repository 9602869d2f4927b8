package io.tierlens.batch.client;

import io.tierlens.batch.model.GroupingKey;
import io.tierlens.batch.model.PushedGroup;
import java.io.IOException;
import java.util.List;

/** What tierlens needs from a Pushgateway: push a job's result, and read every group back. */
public interface PushgatewayApi {

    /**
     * Pushes {@code textFormatBody} to the group with add semantics (HTTP POST, the Java client's
     * {@code pushAdd}): metrics named in the body replace those of the same name in the group, the others stay.
     *
     * @throws IOException when the Pushgateway cannot be reached or refuses the push (the message says which)
     */
    void pushAdd(GroupingKey key, String textFormatBody) throws IOException;

    /** Every group with its values, from {@code GET /api/v1/metrics}. */
    List<PushedGroup> groups() throws IOException;
}
