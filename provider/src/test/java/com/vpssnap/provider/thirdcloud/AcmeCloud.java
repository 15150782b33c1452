package com.vpssnap.provider.thirdcloud;

import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.CloudContract;
import com.vpssnap.provider.core.CloudModule;
import com.vpssnap.provider.core.ComponentServer;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.ServerSnapshotsFunction;
import com.vpssnap.provider.core.SnapshotFunction;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.List;
import java.util.Optional;

/**
 * Acme, the cloud only the tests know: its settings, client, resource, function, component
 * server and contract checks. Registered once, by core.Clouds' test property (provider/pom.xml's third-cloud run).
 */
public final class AcmeCloud implements CloudModule<AcmeClient> {
    public static final AcmeCloud MODULE = new AcmeCloud();

    static final ConfigKey ENDPOINT = ConfigKey.endpoint("acmeEndpoint", "VPSSNAP_ACME_ENDPOINT",
            "https://api.acme.invalid/acme/v1", "Acme API");
    static final ConfigKey TOKEN = ConfigKey.token("acmeToken", "VPSSNAP_ACME_TOKEN",
            "API key for Acme, sent as `X-Acme-Key`. Needed only by Acme resources and functions.");
    private static final Identity IDENTITY = new Identity("acme", "Acme", ENDPOINT, TOKEN);

    private AcmeCloud() {
    }

    @Override
    public Identity identity() {
        return IDENTITY;
    }

    @Override
    public AcmeClient connect(Endpoint endpoint, Secret token, Cancellation cancellation) {
        return new AcmeClient(endpoint, token, cancellation);
    }

    @Override
    public List<Offer<ResourceSpec, SnapshotResource, AcmeClient>> resources() {
        return List.of(new Offer<>(AcmeSpecs.SNAPSHOT, AcmeSnapshotResource::new));
    }

    @Override
    public List<Offer<FunctionSpec, SnapshotFunction, AcmeClient>> functions() {
        return List.of(new Offer<>(AcmeSpecs.GET_SNAPSHOTS, c -> new ServerSnapshotsFunction<>(
                AcmeSpecs.GET_SNAPSHOTS, c, new AcmeSnapshotResource(c), AcmeSnapshotResource::item)));
    }

    @Override
    public Optional<CloudContract> contract() {
        return Optional.of(AcmeContract.CONTRACT);
    }

    @Override
    public Optional<ComponentServer> componentServer() {
        return Optional.of(new ComponentServer("acmeMachine", "Acme", "the Acme machine name", false, "m1",
                AcmeSpecs.SNAPSHOT, AcmeSpecs.LIMIT));
    }
}
