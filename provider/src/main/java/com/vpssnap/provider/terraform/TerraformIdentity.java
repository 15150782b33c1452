package com.vpssnap.provider.terraform;

import com.google.protobuf.ByteString;
import com.vpssnap.provider.core.Props;
import com.vpssnap.provider.core.ProviderException;
import com.vpssnap.provider.core.SnapshotResource;
import com.vpssnap.provider.core.Spelling;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.terraform.cty.CtyJson;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ResourceIdentityData;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ResourceIdentitySchema;
import com.vpssnap.provider.terraform.proto.Tfplugin6.UpgradeResourceIdentity;

import java.util.Map;
import java.util.Optional;

import static com.vpssnap.provider.terraform.DynamicValues.dynamic;
import static com.vpssnap.provider.terraform.DynamicValues.object;

/**
 * Resource identity (protocol 6.9): its schema, and a snapshot's identity on and off the wire. What the identity
 * holds, and how a snapshot is found by it, is the core's ({@link SnapshotResource#identity}).
 */
final class TerraformIdentity {
    /** The identity schema's version; only one so far. */
    static final long VERSION = 0;

    private TerraformIdentity() {
    }

    /** A resource's identity schema: every attribute is needed to import by it. */
    static ResourceIdentitySchema schema(ResourceSpec spec) {
        ResourceIdentitySchema.Builder schema = ResourceIdentitySchema.newBuilder().setVersion(VERSION);
        spec.identity().forEach(p -> schema.addIdentityAttributes(ResourceIdentitySchema.IdentityAttribute
                .newBuilder().setName(p.terraformName()).setType(ByteString.copyFrom(TerraformSchema.type(p.type()).toJsonBytes()))
                .setRequiredForImport(true).setDescription(Spelling.TERRAFORM.text(p.description()))));
        return schema.build();
    }

    /** The snapshot's identity, or empty for a resource that offers none (no identity field is sent then). */
    static Optional<ResourceIdentityData> of(SnapshotResource resource, Props state) {
        if (!resource.spec().identifiable()) {
            return Optional.empty();
        }
        Props identity = resource.identity(state);
        return Optional.of(ResourceIdentityData.newBuilder().setIdentityData(dynamic(
                TerraformValues.toObject(identity, resource.spec().identity()), type(resource))).build());
    }

    /** The identity the engine sent, or null when it sent none. */
    static Props decode(SnapshotResource resource, ResourceIdentityData data) {
        requireIdentity(resource, "import by identity");
        Map<String, Object> identity = object(data.getIdentityData(), type(resource));
        return identity == null ? null : TerraformValues.toProps(identity, resource.spec().identity());
    }

    /** Version 0 is the only one: the stored JSON is re-encoded as it is. */
    static UpgradeResourceIdentity.Response upgrade(SnapshotResource resource, UpgradeResourceIdentity.Request request) {
        requireIdentity(resource, "upgrade a stored identity");
        if (request.getVersion() != VERSION) {
            throw new ProviderException("the stored identity of " + request.getTypeName() + " has version "
                    + request.getVersion() + "; this provider knows version " + VERSION + " only");
        }
        Object identity = CtyJson.decode(request.getRawIdentity().getJson().toByteArray(), type(resource));
        return UpgradeResourceIdentity.Response.newBuilder().setUpgradedIdentity(ResourceIdentityData.newBuilder()
                .setIdentityData(dynamic(identity, type(resource)))).build();
    }

    /** The engine asks only for a resource with an identity schema; a request for another is refused by name. */
    private static void requireIdentity(SnapshotResource resource, String what) {
        if (!resource.spec().identifiable()) {
            throw new ProviderException("cannot " + what + ": " + resource.spec().terraformType()
                    + " has no resource identity; import it by its id, " + resource.spec().importIdFormat());
        }
    }

    private static CtyType type(SnapshotResource resource) {
        return TerraformSchema.objectType(resource.spec().identity());
    }
}
