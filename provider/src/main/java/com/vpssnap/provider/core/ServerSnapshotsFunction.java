package com.vpssnap.provider.core;

import com.vpssnap.provider.core.spec.FunctionSpec;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A cloud's {@code getSnapshots}: the snapshots of the server its arguments name, oldest first.
 * The server is checked and listed exactly as the cloud's snapshot resource does it for an
 * identity or a list query, so a cloud writes only how one snapshot becomes one item.
 *
 * @param <C> the cloud's API client
 * @param <S> the cloud's snapshot, as its client returns it
 */
public final class ServerSnapshotsFunction<C, S> implements SnapshotFunction {
    /** The output that carries the items, in every cloud's function. */
    public static final String SNAPSHOTS = "snapshots";

    private final FunctionSpec spec;
    private final CloudConnection<C> connection;
    private final SnapshotLifecycle<C, S> resource;
    private final Function<S, Map<String, Object>> item;

    public ServerSnapshotsFunction(FunctionSpec spec, CloudConnection<C> connection, SnapshotLifecycle<C, S> resource,
                                   Function<S, Map<String, Object>> item) {
        this.spec = spec;
        this.connection = connection;
        this.resource = resource;
        this.item = item;
    }

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public CheckResult check(Props arguments) {
        InputValidator rules = InputValidator.structural(spec.token(), spec.inputs(), arguments);
        resource.checkServer(rules, arguments);
        return new CheckResult(arguments, rules.failures());
    }

    @Override
    public Props invoke(Props arguments, Operation operation) {
        // The function's own token, so that a missing API token is reported against the function.
        List<Map<String, Object>> items = resource.listAll(connection.client(spec.token()), arguments)
                .stream().map(item).toList();
        return arguments.toBuilder().put(SNAPSHOTS, items).build();
    }
}
