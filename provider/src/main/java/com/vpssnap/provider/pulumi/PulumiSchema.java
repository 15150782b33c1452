package com.vpssnap.provider.pulumi;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vpssnap.component.RollbackPoints;
import com.vpssnap.provider.core.Clouds;
import com.vpssnap.provider.core.ConfigKey;
import com.vpssnap.provider.core.PackageInfo;
import com.vpssnap.provider.core.spec.FunctionSpec;
import com.vpssnap.provider.core.spec.ObjectSpec;
import com.vpssnap.provider.core.spec.PropertySpec;
import com.vpssnap.provider.core.spec.PropertyType;
import com.vpssnap.provider.core.spec.ResourceSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Renders the Pulumi package schema from the core's specs, so the schema, the SDKs built from
 * it and the provider's behaviour cannot disagree. {@code schema.json} at the repository root is
 * this output; a test keeps the two equal.
 */
public final class PulumiSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PulumiSchema() {
    }

    /** Writes the schema to the given path: {@code java -cp ... PulumiSchema schema.json}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "schema.json"), render());
    }

    public static String render() {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(build()) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode build() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", PackageInfo.NAME);
        root.put("displayName", "vpssnap");
        root.put("version", PackageInfo.VERSION);
        root.put("description", PackageInfo.DESCRIPTION);
        ArrayNode keywords = root.putArray("keywords").add("pulumi");
        Clouds.ALL.forEach(cloud -> keywords.add(cloud.name()));
        keywords.add("snapshot").add("category/infrastructure");
        root.put("license", "Apache-2.0");
        root.put("publisher", "vpssnap");
        root.put("homepage", PackageInfo.REPOSITORY);
        root.put("repository", PackageInfo.REPOSITORY);
        root.put("pluginDownloadURL", PackageInfo.PLUGIN_DOWNLOAD_URL);
        root.putObject("meta").put("moduleFormat", "(.*)");
        root.set("config", config());
        root.set("provider", provider());
        ObjectNode types = root.putObject("types");
        ObjectNode resources = root.putObject("resources");
        for (ResourceSpec r : PackageInfo.RESOURCES) {
            resources.set(r.token(), resource(r));
        }
        resources.set(RollbackPoints.TYPE, ComponentSchema.rollbackPoints());
        ObjectNode functions = root.putObject("functions");
        for (FunctionSpec f : PackageInfo.FUNCTIONS) {
            functions.set(f.token(), function(f, types));
        }
        root.set("language", language());
        return root;
    }

    private static ObjectNode config() {
        ObjectNode config = JSON.createObjectNode();
        ObjectNode variables = config.putObject("variables");
        for (ConfigKey key : Clouds.settings()) {
            variables.set(key.key(), configProperty(key));
        }
        return config;
    }

    private static ObjectNode provider() {
        ObjectNode provider = JSON.createObjectNode();
        provider.put("description", "The vpssnap provider. Every setting falls back to an environment variable.");
        ObjectNode inputs = provider.putObject("inputProperties");
        ObjectNode props = provider.putObject("properties");
        for (ConfigKey key : Clouds.settings()) {
            inputs.set(key.key(), configProperty(key));
            props.set(key.key(), configProperty(key));
        }
        return provider;
    }

    private static ObjectNode configProperty(ConfigKey key) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "string");
        String description = key.description()
                + (key.defaultValue() == null ? "" : " Default: `" + key.defaultValue() + "`.")
                + " Environment variable: `" + key.environmentVariable() + "`.";
        p.put("description", description);
        if (key.defaultValue() != null) {
            p.put("default", key.defaultValue());
        }
        p.putObject("defaultInfo").putArray("environment").add(key.environmentVariable());
        if (key.secret()) {
            p.put("secret", true);
        }
        return p;
    }

    private static ObjectNode resource(ResourceSpec r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("description", r.description() + "\n\n## Import\n\n```sh\npulumi import " + r.token()
                + " my-snapshot " + r.importIdFormat().replaceAll(", e\\.g\\. .*", "") + "\n```\n\nfor example `"
                + r.importIdFormat().replaceAll(".*e\\.g\\. ", "") + "`.");
        node.set("properties", properties(r.properties(), p -> true, null));
        node.set("required", names(r.properties(), PropertySpec::required));
        node.set("inputProperties", properties(r.properties(), PropertySpec::input, null));
        node.set("requiredInputs", names(r.properties(), p -> p.input() && p.required()));
        return node;
    }

    private static ObjectNode function(FunctionSpec f, ObjectNode types) {
        ObjectNode node = JSON.createObjectNode();
        node.put("description", f.description());
        ObjectNode inputs = node.putObject("inputs");
        inputs.put("description", "Arguments of " + f.token() + ".");
        inputs.set("properties", properties(f.inputs(), p -> true, types));
        inputs.put("type", "object");
        inputs.set("required", names(f.inputs(), p -> p.input() && p.required()));
        ObjectNode outputs = node.putObject("outputs");
        outputs.put("description", "Result of " + f.token() + ".");
        outputs.set("properties", properties(f.outputs(), p -> true, types));
        outputs.put("type", "object");
        outputs.set("required", names(f.outputs(), PropertySpec::required));
        return node;
    }

    private static ObjectNode properties(List<PropertySpec> specs, Predicate<PropertySpec> include, ObjectNode types) {
        ObjectNode props = JSON.createObjectNode();
        for (PropertySpec p : specs) {
            if (include.test(p)) {
                props.set(p.name(), property(p, types));
            }
        }
        return props;
    }

    private static ObjectNode property(PropertySpec p, ObjectNode types) {
        ObjectNode node = JSON.createObjectNode();
        if (p.type() instanceof PropertyType.Primitive prim) {
            node.put("type", prim.name());
        } else if (p.type() instanceof PropertyType.ListOfObjects list) {
            node.put("type", "array");
            node.putObject("items").put("$ref", "#/types/" + list.element().token());
            if (types != null) {
                types.set(list.element().token(), objectType(list.element()));
            }
        }
        node.put("description", p.description());
        if (p.secret()) {
            node.put("secret", true);
        }
        if (p.replaceOnChange()) {
            node.put("replaceOnChanges", true);
        }
        return node;
    }

    private static ObjectNode objectType(ObjectSpec o) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "object");
        node.put("description", o.description());
        node.set("properties", properties(o.properties(), p -> true, null));
        node.set("required", names(o.properties(), PropertySpec::required));
        return node;
    }

    private static ArrayNode names(List<PropertySpec> specs, Predicate<PropertySpec> include) {
        ArrayNode out = JSON.createArrayNode();
        specs.stream().filter(include).forEach(p -> out.add(p.name()));
        return out;
    }

    private static ObjectNode language() {
        Map<String, Object> java = new LinkedHashMap<>();
        // basePackage "com" + package name "vpssnap" = Java packages com.vpssnap, com.vpssnap.locaweb, ...
        java.put("basePackage", "com");
        // The generator's default is com.pulumi:pulumi 1.0.0; the SDK is built and tested against ours.
        java.put("dependencies", Map.of("com.pulumi:pulumi", PackageInfo.PULUMI_JAVA_VERSION));
        Map<String, Object> nodejs = new LinkedHashMap<>();
        nodejs.put("packageName", "@vpssnap/vpssnap");
        nodejs.put("packageDescription", PackageInfo.DESCRIPTION);
        // Writes the schema's version into package.json and its "pulumi" block, so the engine loads this plugin.
        nodejs.put("respectSchemaVersion", true);
        Map<String, Object> python = new LinkedHashMap<>();
        python.put("packageName", "pulumi_vpssnap");
        python.put("respectSchemaVersion", true);
        python.put("requires", Map.of("pulumi", ">=3.0.0,<4.0.0"));
        python.put("pyproject", Map.of("enabled", true));
        Map<String, Object> go = new LinkedHashMap<>();
        // sdk/go is one Go module (its go.mod is written by scripts/gen-sdks.sh); the package is sdk/go/vpssnap.
        go.put("importBasePath", PackageInfo.GO_MODULE + "/vpssnap");
        go.put("respectSchemaVersion", true);
        go.put("generateResourceContainerTypes", true);
        ObjectNode language = JSON.createObjectNode();
        language.set("go", JSON.valueToTree(go));
        language.set("java", JSON.valueToTree(java));
        language.set("nodejs", JSON.valueToTree(nodejs));
        language.set("python", JSON.valueToTree(python));
        return language;
    }
}
