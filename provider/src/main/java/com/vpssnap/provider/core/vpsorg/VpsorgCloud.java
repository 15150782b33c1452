package com.vpssnap.provider.core.vpsorg;

import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.CloudContract;
import com.vpssnap.provider.core.CloudModule;
import com.vpssnap.provider.core.ComponentServer;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.ServerSnapshotsFunction;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.RevertAction;
import com.vpssnap.provider.core.SnapshotAction;
import com.vpssnap.provider.core.TakeSnapshotAction;
import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.List;

/** VPS.org: its settings, its client, its snapshot resource and its listing function. */
public final class VpsorgCloud implements CloudModule<VpsorgClient> {
    public static final VpsorgCloud MODULE = new VpsorgCloud();

    public static final ConfigKey ENDPOINT = ConfigKey.endpoint("vpsorgEndpoint", "VPSSNAP_VPSORG_ENDPOINT",
            "https://admin.vps.org/api/v1", "VPS.org API");
    public static final ConfigKey TOKEN = ConfigKey.token("vpsorgToken", "VPSSNAP_VPSORG_TOKEN",
            "API token for VPS.org, sent as `Authorization: Bearer`. Needed only by VPS.org resources and functions.");

    private static final Identity IDENTITY = new Identity("vpsorg", "VPS.org", ENDPOINT, TOKEN);

    private VpsorgCloud() {
    }

    @Override
    public Identity identity() {
        return IDENTITY;
    }

    @Override
    public VpsorgClient connect(Endpoint endpoint, Secret token, Cancellation cancellation) {
        return new VpsorgClient(endpoint, token, RetryPolicy.DEFAULT, cancellation);
    }

    @Override
    public java.util.Optional<ComponentServer> componentServer() {
        return java.util.Optional.of(new ComponentServer("vpsorgServerId", "VPS.org", "the VPS.org server id", true,
                12345, VpsorgSpecs.SNAPSHOT, VpsorgSpecs.SNAPSHOTS_PER_SERVER));
    }

    @Override
    public java.util.Optional<CloudContract> contract() {
        return java.util.Optional.of(VpsorgContract.CONTRACT);
    }

    @Override
    public List<Offer<ResourceSpec, SnapshotResource, VpsorgClient>> resources() {
        return List.of(new Offer<>(VpsorgSpecs.SNAPSHOT, VpsorgSnapshotResource::new));
    }

    @Override
    public List<Offer<FunctionSpec, SnapshotFunction, VpsorgClient>> functions() {
        return List.of(new Offer<>(VpsorgSpecs.GET_SNAPSHOTS, c -> new ServerSnapshotsFunction<>(
                VpsorgSpecs.GET_SNAPSHOTS, c, new VpsorgSnapshotResource(c), VpsorgSnapshotResource::item)));
    }

    /** Take a snapshot (with retention) and revert, each over this cloud's snapshot resource. */
    @Override
    public List<Offer<ActionSpec, SnapshotAction, VpsorgClient>> actions() {
        return List.of(
                new Offer<>(VpsorgSpecs.TAKE_SNAPSHOT, c -> new TakeSnapshotAction(VpsorgSpecs.TAKE_SNAPSHOT, new VpsorgSnapshotResource(c), VpsorgSpecs.SNAPSHOTS_PER_SERVER - 1, VpsorgSpecs.DESCRIPTION_MAX)),
                new Offer<>(VpsorgSpecs.RESTORE, c -> new RevertAction(VpsorgSpecs.RESTORE, new VpsorgSnapshotResource(c))));
    }
}
