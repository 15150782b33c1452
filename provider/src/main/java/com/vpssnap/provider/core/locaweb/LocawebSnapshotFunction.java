package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.locaweb.LocawebSnapshot;
import com.vpssnap.provider.core.CheckResult;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.core.CloudConnection;
import com.vpssnap.provider.core.InputValidator;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.spec.FunctionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.vpssnap.provider.core.locaweb.LocawebSpecs.*;

/** vpssnap:locaweb:getSnapshots: every snapshot of one server, oldest first. */
public final class LocawebSnapshotFunction implements SnapshotFunction {
    private final CloudConnection<LocawebClient> connection;

    LocawebSnapshotFunction(CloudConnection<LocawebClient> connection) {
        this.connection = connection;
    }

    @Override
    public FunctionSpec spec() {
        return GET_SNAPSHOTS;
    }

    @Override
    public CheckResult check(Props arguments) {
        var failures = InputValidator.structural(GET_SNAPSHOTS.token(), GET_SNAPSHOTS.inputs(), arguments)
                .text(arguments, SERVER, 1, SERVER_MAX, LocawebSnapshotResource.SERVER_NAME,
                        LocawebSnapshotResource.SERVER_NAME_RULE)
                .failures();
        return new CheckResult(arguments, failures);
    }

    @Override
    public Props invoke(Props arguments, Operation operation) {
        String server = arguments.string(SERVER);
        List<LocawebSnapshot> snapshots = connection.client(GET_SNAPSHOTS.token()).listSnapshots(server);
        List<Map<String, Object>> items = snapshots.stream().map(LocawebSnapshotFunction::item).toList();
        return arguments.toBuilder().put(SNAPSHOTS, items).build();
    }

    private static Map<String, Object> item(LocawebSnapshot s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(SNAPSHOT_ID, s.id());
        item.put(NAME, s.name());
        item.put(DESCRIPTION, s.description() == null ? "" : s.description());
        item.put(UUID, s.uuid());
        item.put(TAKEN_AT, LocawebSnapshotResource.timestamp(s));
        item.put(STATUS, s.status());
        return item;
    }
}
