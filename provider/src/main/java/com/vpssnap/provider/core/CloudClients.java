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
    private LocawebClient locaweb;
    private VpsorgClient vpsorg;

    public CloudClients(ProviderConfig config, Cancellation cancellation) {
        this.config = config;
        this.cancellation = cancellation;
    }

    /** @param neededFor who needs it, for the message when a setting is missing */
    public synchronized LocawebClient locaweb(String neededFor) {
        if (locaweb == null) {
            locaweb = new LocawebClient(endpoint(ConfigKey.LOCAWEB_ENDPOINT),
                    new Secret(config.require(ConfigKey.LOCAWEB_TOKEN, neededFor)), RetryPolicy.DEFAULT, cancellation);
        }
        return locaweb;
    }

    public synchronized VpsorgClient vpsorg(String neededFor) {
        if (vpsorg == null) {
            vpsorg = new VpsorgClient(endpoint(ConfigKey.VPSORG_ENDPOINT),
                    new Secret(config.require(ConfigKey.VPSORG_TOKEN, neededFor)), RetryPolicy.DEFAULT, cancellation);
        }
        return vpsorg;
    }

    private Endpoint endpoint(ConfigKey key) {
        try {
            return Endpoint.parse(config.get(key), config.spelling().describe(key));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(e.getMessage());
        }
    }
}
