package com.vpssnap.provider.terraform;

import com.google.protobuf.ByteString;
import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.Spelling;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;
import com.vpssnap.provider.core.spec.ResourceSpec;
import com.vpssnap.provider.core.spec.Timeouts;
import com.vpssnap.provider.terraform.cty.CtyType;
import com.vpssnap.provider.terraform.proto.Tfplugin6.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Terraform schema of each block, rendered from the core's specs; and the cty types of their values. */
final class TerraformSchema {
    static final String ID = "id";
    static final String TIMEOUTS = "timeouts";
    static final List<String> TIMEOUT_KINDS = Timeouts.OPERATIONS;
    private static final CtyType TIMEOUTS_TYPE = CtyType.object(Map.of(
            "create", CtyType.STRING, "update", CtyType.STRING, "delete", CtyType.STRING));

    private TerraformSchema() {
    }

    static Schema provider() {
        Schema.Block.Builder block = Schema.Block.newBuilder()
                .setDescription("vpssnap: server snapshots on Locaweb Cloud and VPS.org. Every argument falls back to an environment variable.");
        for (ConfigKey key : Clouds.settings()) {
            block.addAttributes(Schema.Attribute.newBuilder().setName(key.terraformName())
                    .setType(ByteString.copyFrom(CtyType.STRING.toJsonBytes()))
                    .setDescription(key.description() + " Environment variable: " + key.environmentVariable()
                            + (key.defaultValue() == null ? "." : "; default " + key.defaultValue() + "."))
                    .setOptional(true).setSensitive(key.secret()));
        }
        return Schema.newBuilder().setBlock(block).build();
    }

    static Schema resource(ResourceSpec spec) {
        Schema.Block.Builder block = Schema.Block.newBuilder().setDescription(Spelling.TERRAFORM.text(spec.description()))
                .addAttributes(idAttribute("The snapshot's id: " + spec.importIdFormat() + ". Use it with `tofu import`."));
        spec.properties().forEach(p -> block.addAttributes(attribute(p)));
        Schema.Block.Builder timeouts = Schema.Block.newBuilder().setDescription("How long each operation may take, "
                + "as durations like \"30m\" or \"1h30m\". Defaults: " + defaults(spec.timeouts()) + ".");
        TIMEOUT_KINDS.forEach(kind -> timeouts.addAttributes(Schema.Attribute.newBuilder().setName(kind)
                .setType(ByteString.copyFrom(CtyType.STRING.toJsonBytes())).setOptional(true)
                .setDescription("Time allowed to " + kind + " the snapshot.")));
        block.addBlockTypes(Schema.NestedBlock.newBuilder().setTypeName(TIMEOUTS).setBlock(timeouts)
                .setNesting(Schema.NestedBlock.NestingMode.SINGLE));
        return Schema.newBuilder().setBlock(block).build();
    }

    /** "create 20m, update 20m, delete 10m": the defaults in the spelling the block accepts. */
    private static String defaults(Timeouts timeouts) {
        StringBuilder text = new StringBuilder();
        timeouts.byOperation().forEach((kind, limit) -> text.append(text.length() == 0 ? "" : ", ")
                .append(kind).append(' ').append(limit.toSecondsPart() == 0 ? limit.toMinutes() + "m" : limit.toSeconds() + "s"));
        return text.toString();
    }

    static Schema dataSource(FunctionSpec spec) {
        Schema.Block.Builder block = Schema.Block.newBuilder().setDescription(Spelling.TERRAFORM.text(spec.description()))
                .addAttributes(idAttribute("An id for this listing (the server, or \"all\")."));
        spec.inputs().forEach(p -> block.addAttributes(attribute(p)));
        spec.outputs().forEach(p -> block.addAttributes(attribute(p)));
        return Schema.newBuilder().setBlock(block).build();
    }

    /** A list resource's configuration: the listing's query. */
    static Schema listResource(ResourceSpec spec) {
        Schema.Block.Builder block = Schema.Block.newBuilder().setDescription("Lists the snapshots of one server, "
                + "whoever made them, oldest first, for `terraform query`; each comes with its identity and, on request, "
                + "the " + spec.terraformType() + " it would be.");
        spec.listQuery().forEach(p -> block.addAttributes(attribute(p)));
        return Schema.newBuilder().setBlock(block).build();
    }

    /** The cty object type of a list of attributes (an identity, a listing's query). */
    static CtyType objectType(List<PropertySpec> specs) {
        Map<String, CtyType> attributes = new LinkedHashMap<>();
        specs.forEach(p -> attributes.put(p.terraformName(), type(p.type())));
        return CtyType.object(attributes);
    }

    /** The cty type of a resource's whole value: every attribute, plus the timeouts block. */
    static CtyType resourceType(ResourceSpec spec) {
        Map<String, CtyType> attributes = new LinkedHashMap<>();
        attributes.put(ID, CtyType.STRING);
        spec.properties().forEach(p -> attributes.put(p.terraformName(), type(p.type())));
        attributes.put(TIMEOUTS, TIMEOUTS_TYPE);
        return CtyType.object(attributes);
    }

    static CtyType dataSourceType(FunctionSpec spec) {
        Map<String, CtyType> attributes = new LinkedHashMap<>();
        attributes.put(ID, CtyType.STRING);
        spec.inputs().forEach(p -> attributes.put(p.terraformName(), type(p.type())));
        spec.outputs().forEach(p -> attributes.put(p.terraformName(), type(p.type())));
        return CtyType.object(attributes);
    }

    static CtyType providerType() {
        Map<String, CtyType> attributes = new LinkedHashMap<>();
        for (ConfigKey key : Clouds.settings()) {
            attributes.put(key.terraformName(), CtyType.STRING);
        }
        return CtyType.object(attributes);
    }

    static CtyType type(PropertyType type) {
        if (type == PropertyType.STRING) {
            return CtyType.STRING;
        }
        if (type == PropertyType.INTEGER) {
            return CtyType.NUMBER;
        }
        if (type == PropertyType.BOOLEAN) {
            return CtyType.BOOL;
        }
        Map<String, CtyType> element = new LinkedHashMap<>();
        ((PropertyType.ListOfObjects) type).element().properties()
                .forEach(p -> element.put(p.terraformName(), type(p.type())));
        return CtyType.list(CtyType.object(element));
    }

    private static Schema.Attribute idAttribute(String description) {
        return Schema.Attribute.newBuilder().setName(ID).setType(ByteString.copyFrom(CtyType.STRING.toJsonBytes()))
                .setComputed(true).setDescription(description).build();
    }

    static Schema.Attribute attribute(PropertySpec p) {
        Schema.Attribute.Builder a = Schema.Attribute.newBuilder().setName(p.terraformName())
                .setType(ByteString.copyFrom(type(p.type()).toJsonBytes()))
                .setDescription(Spelling.TERRAFORM.text(p.description()))
                .setSensitive(p.secret());
        if (p.input()) {
            a.setRequired(p.required()).setOptional(!p.required());
        } else {
            a.setComputed(true);
        }
        return a.build();
    }
}
