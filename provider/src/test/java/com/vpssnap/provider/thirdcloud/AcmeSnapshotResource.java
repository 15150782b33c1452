package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.cloud.NotFoundException;
import com.vpssnap.provider.core.CloudConnection;
import com.vpssnap.provider.core.Descriptions;
import com.vpssnap.provider.core.InputValidator;
import com.vpssnap.provider.core.Operation;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.SnapshotLifecycle;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.thirdcloud.AcmeClient.Snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.vpssnap.provider.thirdcloud.AcmeSpecs.*;

/** vpssnap:acme:Snapshot: the lifecycle's hooks for Acme. Ids are "machine/id". */
public final class AcmeSnapshotResource extends SnapshotLifecycle<AcmeClient, Snapshot> {
    private static final Pattern MACHINE_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    AcmeSnapshotResource(CloudConnection<AcmeClient> connection) {
        this(SNAPSHOT, connection);
    }

    /** With another spec than the registered one: how the core's capability tests make a resource that opts out of more. */
    public AcmeSnapshotResource(ResourceSpec spec, CloudConnection<AcmeClient> connection) {
        super(spec, connection, 200);
    }

    @Override
    protected void checkServerAndName(InputValidator rules, Props inputs) {
        checkServer(rules, inputs);
        rules.printable(inputs, NAME, 1, 64);
    }

    @Override
    protected void checkServer(InputValidator rules, Props values) {
        rules.text(values, MACHINE, 1, 32, MACHINE_NAME, "an Acme machine name is lower-case letters, digits and '-' (e.g. m1)");
    }

    @Override
    protected List<Snapshot> listAll(AcmeClient client, Props query) {
        return client.list(query.string(MACHINE));
    }

    @Override
    protected Snapshot start(AcmeClient client, Props inputs, Operation operation) {
        return client.create(inputs.string(MACHINE), inputs.string(NAME), inputs.string(DESCRIPTION));
    }

    @Override
    protected String id(Props inputs, Snapshot snapshot) {
        return snapshot.machine() + "/" + snapshot.id();
    }

    @Override
    protected boolean isReady(Snapshot snapshot) {
        return Snapshot.READY.equals(snapshot.state());
    }

    @Override
    protected Snapshot awaitReady(AcmeClient client, String id, Snapshot started, Operation operation) {
        throw new ProviderException("Acme snapshot " + id + " is " + started.state() + "; Acme makes them ready at once");
    }

    @Override
    protected Optional<Snapshot> find(AcmeClient client, String id, Props oldState) {
        String[] parts = parse(id);
        try {
            return Optional.of(client.get(parts[0], Long.parseLong(parts[1])));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    @Override
    protected Props.Builder inputsOf(String id, Snapshot snapshot) {
        return Props.builder().put(MACHINE, snapshot.machine()).put(NAME, snapshot.label())
                .put(DESCRIPTION, Descriptions.fromCloud(snapshot.note()));
    }

    @Override
    protected void putOutputs(Props.Builder state, Snapshot snapshot) {
        state.put(SNAPSHOT_ID, snapshot.id()).put(STATE, snapshot.state()).put(CREATED, snapshot.created());
    }

    @Override
    protected void revert(AcmeClient client, String id, Props oldState, Operation operation) {
        String[] parts = parse(id);
        client.rollback(parts[0], Long.parseLong(parts[1]));
    }

    @Override
    protected void remove(AcmeClient client, String id, Props oldState, Operation operation) {
        String[] parts = parse(id);
        try {
            client.delete(parts[0], Long.parseLong(parts[1]));
        } catch (NotFoundException gone) {
            // already deleted
        }
    }

    /** One item of getSnapshots. */
    static Map<String, Object> item(Snapshot s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(SNAPSHOT_ID, s.id());
        item.put(NAME, s.label());
        item.put(STATE, s.state());
        return item;
    }

    private static String[] parse(String id) {
        String[] parts = id.split("/");
        if (parts.length != 2 || !parts[1].matches("\\d+")) {
            throw new ProviderException("\"" + id + "\" is not an Acme snapshot id: expected MACHINE/SNAPSHOT_ID, e.g. m1/1");
        }
        return parts;
    }
}
