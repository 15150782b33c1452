package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;

/**
 * One cloud's API client for one configuration, made on first use: a program that only uses one
 * cloud needs only that cloud's token, and a preview that calls nothing needs none.
 */
public final class CloudConnection<C> {
    private final CloudModule<C> cloud;
    private final ProviderConfig config;
    private final Cancellation cancellation;
    private C client;

    CloudConnection(CloudModule<C> cloud, ProviderConfig config, Cancellation cancellation) {
        this.cloud = cloud;
        this.config = config;
        this.cancellation = cancellation;
    }

    /** @param neededFor who needs it (a type token), for the message when the token is missing */
    public synchronized C client(String neededFor) {
        if (client == null) {
            client = cloud.connect(endpoint(), new Secret(config.require(cloud.tokenSetting(), neededFor)), cancellation);
        }
        return client;
    }

    private Endpoint endpoint() {
        ConfigKey key = cloud.endpointSetting();
        try {
            return Endpoint.parse(config.get(key), config.spelling().describe(key));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(e.getMessage());
        }
    }
}
