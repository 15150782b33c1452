package com.vpssnap.provider.terraform;

import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.terraform.proto.Tfplugin6.GetMetadata;
import com.vpssnap.provider.terraform.proto.Tfplugin6.GetProviderSchema;
import com.vpssnap.provider.terraform.proto.Tfplugin6.GetResourceIdentitySchemas;
import com.vpssnap.provider.terraform.proto.Tfplugin6.ServerCapabilities;

/** What the provider serves, as the engine asks for it first: its types, their schemas, their identities. */
final class TerraformCatalog {
    /**
     * What the engine may count on (docs/guides/terraform.md, "Protocol capabilities"). Only
     * get_provider_schema_optional: the schema is fixed per package and no RPC needs
     * GetProviderSchema first, so an engine may reuse the schema its first plugin start answered.
     * Not plan_destroy (a destroy plan has nothing to decide), move_resource_state or
     * generate_resource_config (neither RPC is served).
     */
    static final ServerCapabilities CAPABILITIES = ServerCapabilities.newBuilder().setGetProviderSchemaOptional(true).build();

    private TerraformCatalog() {
    }

    static GetMetadata.Response metadata() {
        GetMetadata.Response.Builder response = GetMetadata.Response.newBuilder().setServerCapabilities(CAPABILITIES);
        PackageInfo.RESOURCES.forEach(r -> response.addResources(
                GetMetadata.ResourceMetadata.newBuilder().setTypeName(r.terraformType())));
        PackageInfo.FUNCTIONS.forEach(f -> response.addDataSources(
                GetMetadata.DataSourceMetadata.newBuilder().setTypeName(f.terraformType())));
        PackageInfo.RESOURCES.stream().filter(ResourceSpec::listable).forEach(r -> response.addListResources(
                GetMetadata.ListResourceMetadata.newBuilder().setTypeName(r.terraformType())));
        PackageInfo.ACTIONS.forEach(a -> response.addActions(GetMetadata.ActionMetadata.newBuilder().setTypeName(a.terraformType())));
        return response.build();
    }

    static GetProviderSchema.Response providerSchema() {
        GetProviderSchema.Response.Builder response = GetProviderSchema.Response.newBuilder()
                .setServerCapabilities(CAPABILITIES).setProvider(TerraformSchema.provider());
        PackageInfo.RESOURCES.forEach(r -> response.putResourceSchemas(r.terraformType(), TerraformSchema.resource(r)));
        PackageInfo.FUNCTIONS.forEach(f -> response.putDataSourceSchemas(f.terraformType(), TerraformSchema.dataSource(f)));
        // An engine without list resources (tofu 1.12, terraform before 1.14) skips the field it does not know.
        PackageInfo.RESOURCES.stream().filter(ResourceSpec::listable).forEach(r -> response.putListResourceSchemas(r.terraformType(), TerraformSchema.listResource(r)));
        PackageInfo.ACTIONS.forEach(a -> response.putActionSchemas(a.terraformType(), TerraformActions.schema(a)));
        return response.build();
    }

    static GetResourceIdentitySchemas.Response identitySchemas() {
        GetResourceIdentitySchemas.Response.Builder response = GetResourceIdentitySchemas.Response.newBuilder();
        PackageInfo.RESOURCES.stream().filter(ResourceSpec::identifiable)
                .forEach(r -> response.putIdentitySchemas(r.terraformType(), TerraformIdentity.schema(r)));
        return response.build();
    }
}
