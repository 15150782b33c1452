package com.vpssnap.provider.core;

import com.vpssnap.provider.cloud.Endpoint;
import com.vpssnap.provider.cloud.Secret;
import com.vpssnap.provider.cloud.wait.Cancellation;
import com.vpssnap.provider.core.spec.ActionSpec;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.util.List;
import java.util.function.Function;

/**
 * Everything the provider knows about one cloud, in one object: its settings, how to make its
 * API client, and the resources and functions it offers. {@link Clouds} registers each module
 * once; every list the front doors, the schema and the docs need is derived from there.
 *
 * @param <C> the cloud's API client
 */
public interface CloudModule<C> {
    /** Who the cloud is: what every list names it by. */
    Identity identity();

    /** The module of its tokens ({@code vpssnap:<name>:Snapshot}) and of its Terraform types. */
    default String name() {
        return identity().name();
    }

    default ConfigKey endpointSetting() {
        return identity().endpoint();
    }

    default ConfigKey tokenSetting() {
        return identity().token();
    }

    /** A client for one configuration; called at most once per provider configuration. */
    C connect(Endpoint endpoint, Secret token, Cancellation cancellation);

    List<Offer<ResourceSpec, SnapshotResource, C>> resources();

    List<Offer<FunctionSpec, SnapshotFunction, C>> functions();

    /** Its actions (Terraform 1.14): none unless the cloud offers some. */
    default List<Offer<ActionSpec, SnapshotAction, C>> actions() {
        return List.of();
    }

    /** How the RollbackPoints component names one of its servers: none unless the cloud offers it. */
    default java.util.Optional<ComponentServer> componentServer() {
        return java.util.Optional.empty();
    }

    /** Its contract checks (make contract): none unless the cloud has some. */
    default java.util.Optional<CloudContract> contract() {
        return java.util.Optional.empty();
    }

    /** Its settings in the order the schemas and docs list them. */
    default List<ConfigKey> settings() {
        return List.of(endpointSetting(), tokenSetting());
    }

    /**
     * @param name the module of its tokens and Terraform types
     * @param title the cloud as its users call it ("Locaweb Cloud"), for descriptions
     * @param endpoint its base URL setting
     * @param token its API token setting
     */
    record Identity(String name, String title, ConfigKey endpoint, ConfigKey token) {
    }

    /**
     * One resource or function a cloud offers: the spec that schemas and docs read without a
     * configuration, and how to make the live object once a configuration exists.
     */
    record Offer<S, T, C>(S spec, Function<CloudConnection<C>, T> make) {
    }
}
