package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.RetryPolicy;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.locaweb.LocawebClient;
import com.vpssnap.provider.cloud.vpsorg.VpsorgClient;
import com.vpssnap.provider.cloud.wait.Cancellation;

/**
 * The API clients for one configuration, made on first use: a program that only uses one cloud
 * needs only that cloud's token, and a preview that calls nothing needs none.
 */
public final class CloudClients {
    private final ProviderConfig config;
    private final Cancellation cancellation;
    private volatile LocawebClient locaweb;
    private volatile VpsorgClient vpsorg;

    public CloudClients(ProviderConfig config, Cancellation cancellation) {
        this.config = config;
        this.cancellation = cancellation;
    }

    /** @param neededFor who needs it, for the message when a setting is missing */
    public LocawebClient locaweb(String neededFor) {
        LocawebClient client = locaweb;
        if (client == null) {
            synchronized (this) {
                if (locaweb == null) {
                    locaweb = new LocawebClient(endpoint(ConfigKey.LOCAWEB_ENDPOINT),
                            new Secret(config.require(ConfigKey.LOCAWEB_TOKEN, neededFor)),
                            RetryPolicy.DEFAULT, cancellation);
                }
                client = locaweb;
            }
        }
        return client;
    }

    public VpsorgClient vpsorg(String neededFor) {
        VpsorgClient client = vpsorg;
        if (client == null) {
            synchronized (this) {
                if (vpsorg == null) {
                    vpsorg = new VpsorgClient(endpoint(ConfigKey.VPSORG_ENDPOINT),
                            new Secret(config.require(ConfigKey.VPSORG_TOKEN, neededFor)),
                            RetryPolicy.DEFAULT, cancellation);
                }
                client = vpsorg;
            }
        }
        return client;
    }

    private Endpoint endpoint(ConfigKey key) {
        try {
            return Endpoint.parse(config.get(key), config.spelling().describe(key));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(e.getMessage());
        }
    }
}
