package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.terraform.cty.CtyJson;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ResourceIdentityData;
import com.vpssnap.provider.terraform.proto.Tfplugin6.UpgradeResourceIdentity;

import java.util.Map;

import static com.vpssnap.provider.terraform.DynamicValues.dynamic;
import static com.vpssnap.provider.terraform.DynamicValues.object;

/**
 * Resource identity (protocol 6.9): a snapshot's identity on and off the wire. What the identity
 * holds, and how a snapshot is found by it, is the core's ({@link SnapshotResource#identity}).
 */
final class TerraformIdentity {
    /** The identity schema's version; only one so far. */
    static final long VERSION = 0;

    private TerraformIdentity() {
    }

    static ResourceIdentityData of(SnapshotResource resource, Props state) {
        Props identity = resource.identity(state);
        return ResourceIdentityData.newBuilder().setIdentityData(dynamic(
                TerraformValues.toObject(identity, resource.spec().identity()), type(resource))).build();
    }

    /** The identity the engine sent, or null when it sent none. */
    static Props decode(SnapshotResource resource, ResourceIdentityData data) {
        Map<String, Object> identity = object(data.getIdentityData(), type(resource));
        return identity == null ? null : TerraformValues.toProps(identity, resource.spec().identity());
    }

    /** Version 0 is the only one: the stored JSON is re-encoded as it is. */
    static UpgradeResourceIdentity.Response upgrade(SnapshotResource resource, UpgradeResourceIdentity.Request request) {
        if (request.getVersion() != VERSION) {
            throw new ProviderException("the stored identity of " + request.getTypeName() + " has version "
                    + request.getVersion() + "; this provider knows version " + VERSION + " only");
        }
        Object identity = CtyJson.decode(request.getRawIdentity().getJson().toByteArray(), type(resource));
        return UpgradeResourceIdentity.Response.newBuilder().setUpgradedIdentity(ResourceIdentityData.newBuilder()
                .setIdentityData(dynamic(identity, type(resource)))).build();
    }

    private static CtyType type(SnapshotResource resource) {
        return TerraformSchema.objectType(resource.spec().identity());
    }
}
