package com.vpssnap.provider.core.locaweb;

import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
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

/** Locaweb Cloud: its settings, its client, its snapshot resource and its listing function. */
public final class LocawebCloud implements CloudModule<LocawebClient> {
    public static final LocawebCloud MODULE = new LocawebCloud();

    public static final ConfigKey ENDPOINT = ConfigKey.endpoint("locawebEndpoint", "VPSSNAP_LOCAWEB_ENDPOINT",
            "https://api-servidores.locaweb.com.br/v1", "Locaweb Cloud API");
    public static final ConfigKey TOKEN = ConfigKey.token("locawebToken", "VPSSNAP_LOCAWEB_TOKEN",
            "API token for Locaweb Cloud, sent as the `X-Auth-Token` header. Needed only by Locaweb resources and functions.");

    private static final Identity IDENTITY = new Identity("locaweb", "Locaweb Cloud", ENDPOINT, TOKEN);

    private LocawebCloud() {
    }

    @Override
    public Identity identity() {
        return IDENTITY;
    }

    @Override
    public LocawebClient connect(Endpoint endpoint, Secret token, Cancellation cancellation) {
        return new LocawebClient(endpoint, token, RetryPolicy.DEFAULT, cancellation);
    }

    @Override
    public java.util.Optional<ComponentServer> componentServer() {
        return java.util.Optional.of(new ComponentServer("locawebServer", "Locaweb", "the Locaweb server name", false,
                "cpro0299", LocawebSpecs.SNAPSHOT, ComponentServer.NO_LIMIT));
    }

    @Override
    public java.util.Optional<CloudContract> contract() {
        return java.util.Optional.of(LocawebContract.CONTRACT);
    }

    @Override
    public List<Offer<ResourceSpec, SnapshotResource, LocawebClient>> resources() {
        return List.of(new Offer<>(LocawebSpecs.SNAPSHOT, LocawebSnapshotResource::new));
    }

    @Override
    public List<Offer<FunctionSpec, SnapshotFunction, LocawebClient>> functions() {
        return List.of(new Offer<>(LocawebSpecs.GET_SNAPSHOTS, c -> new ServerSnapshotsFunction<>(
                LocawebSpecs.GET_SNAPSHOTS, c, new LocawebSnapshotResource(c), LocawebSnapshotResource::item)));
    }

    /** Take a snapshot (with retention) and revert, each over this cloud's snapshot resource. */
    @Override
    public List<Offer<ActionSpec, SnapshotAction, LocawebClient>> actions() {
        return List.of(
                new Offer<>(LocawebSpecs.TAKE_SNAPSHOT, c -> new TakeSnapshotAction(LocawebSpecs.TAKE_SNAPSHOT, new LocawebSnapshotResource(c), Long.MAX_VALUE, LocawebSpecs.DESCRIPTION_MAX)),
                new Offer<>(LocawebSpecs.REVERT, c -> new RevertAction(LocawebSpecs.REVERT, new LocawebSnapshotResource(c))));
    }
}
