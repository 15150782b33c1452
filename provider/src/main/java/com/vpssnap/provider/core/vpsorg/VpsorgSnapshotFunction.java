package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.vpsorg.VpsorgSnapshot;
import com.vpssnap.provider.core.CheckResult;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.core.CloudConnection;
import com.vpssnap.provider.core.InputValidator;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.spec.FunctionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.vpssnap.provider.core.vpsorg.VpsorgSpecs.*;

/** vpssnap:vpsorg:getSnapshots: the snapshots of one server, or of all, oldest first. */
public final class VpsorgSnapshotFunction implements SnapshotFunction {
    private final CloudConnection<VpsorgClient> connection;

    VpsorgSnapshotFunction(CloudConnection<VpsorgClient> connection) {
        this.connection = connection;
    }

    @Override
    public FunctionSpec spec() {
        return GET_SNAPSHOTS;
    }

    @Override
    public CheckResult check(Props arguments) {
        var failures = InputValidator.structural(GET_SNAPSHOTS.token(), GET_SNAPSHOTS.inputs(), arguments)
                .atLeast(arguments, SERVER_ID, 1)
                .failures();
        return new CheckResult(arguments, failures);
    }

    @Override
    public Props invoke(Props arguments, Operation operation) {
        List<VpsorgSnapshot> snapshots = connection.client(GET_SNAPSHOTS.token()).listSnapshots(arguments.integer(SERVER_ID));
        List<Map<String, Object>> items = snapshots.stream().map(VpsorgSnapshotFunction::item).toList();
        return arguments.toBuilder().put(SNAPSHOTS, items).build();
    }

    private static Map<String, Object> item(VpsorgSnapshot s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(SNAPSHOT_ID, s.id());
        item.put(SERVER_ID, s.serverId());
        item.put(SERVER_NAME, s.serverName());
        item.put(NAME, s.name());
        item.put(DESCRIPTION, s.description() == null ? "" : s.description());
        item.put(STATUS, s.status());
        item.put(SIZE_MB, s.sizeMb());
        item.put(CREATED_AT, s.createdAt() == null ? null : s.createdAt().toString());
        return item;
    }
}
