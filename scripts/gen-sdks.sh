#!/usr/bin/env bash
# Writes the Java, Node.js, Python and Go SDKs for schema.json into OUT_DIR/{java,nodejs,python,go}.
# `make sdks` runs it with OUT_DIR=sdk; SdkFreshnessIT runs it into a temporary directory and
# compares, so the committed SDKs can never drift from the schema.
#
# Needs: PULUMI (with pulumi-language-java next to it) and GEN_SDK (tools/bin/gen-sdk).
set -euo pipefail

schema=${1:?usage: gen-sdks.sh SCHEMA_JSON OUT_DIR}
out=${2:?usage: gen-sdks.sh SCHEMA_JSON OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
: "${PULUMI:?set PULUMI to the pulumi CLI}" "${GEN_SDK:?set GEN_SDK to tools/bin/gen-sdk}"

version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$schema")
pulumi_java=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["language"]["java"]["dependencies"]["com.pulumi:pulumi"])' "$schema")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PULUMI_HOME="$work/pulumi-home" PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true

# Java: pulumi-java's generator through the CLI. Its Gradle files name repository hosts and a
# signing/publishing setup we do not use, so they are replaced by a Maven pom; the two resources
# Gradle would have written at build time (version.txt, plugin.json) are written here instead.
"$PULUMI" package gen-sdk "$schema" --language java --out "$work/gen" >"$work/java.log" 2>&1 \
  || { cat "$work/java.log" >&2; exit 1; }
java="$work/gen/java"
rm -f "$java/build.gradle" "$java/settings.gradle"
sed -e "s/@VERSION@/$version/" -e "s/@PULUMI_JAVA_VERSION@/$pulumi_java/" "$here/sdk/java/pom.xml" >"$java/pom.xml"
mkdir -p "$java/src/main/resources/com/vpssnap"
printf '%s\n' "$version" >"$java/src/main/resources/com/vpssnap/version.txt"
# "server" is the schema's pluginDownloadURL, as pulumi-java's Gradle build writes it: the Java
# language host reads it to tell the engine where to download the plugin.
server=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("pluginDownloadURL", ""))' "$schema")
printf '{\n  "resource": true,\n  "name": "vpssnap",\n  "version": "%s",\n  "server": "%s"\n}\n' "$version" "$server" \
  >"$java/src/main/resources/com/vpssnap/plugin.json"

# Node.js, Python, Go: the code generators their language hosts call (see tools/pulumi/gen-sdk).
for language in nodejs python go; do
  "$GEN_SDK" "$language" "$schema" "$work/gen/$language"
done
# The Go generator writes packages, not a module: sdk/go is one module, required by path and
# version, or by a replace to a checkout (examples/go). Its dependencies are pinned by the
# program that uses it (its own go.sum), as with any Go library.
go_module=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["language"]["go"]["importBasePath"].rsplit("/", 1)[0])' "$schema")
pulumi_go=$(sed -n 's|^\s*github.com/pulumi/pulumi/sdk/v3 \(v[^ ]*\).*|\1|p' "$here/../tools/pulumi/go.mod" | head -1)
printf 'module %s\n\ngo 1.25\n\nrequire github.com/pulumi/pulumi/sdk/v3 %s\n' "$go_module" "$pulumi_go" >"$work/gen/go/go.mod"

mkdir -p "$out"
rm -rf "$out/java" "$out/nodejs" "$out/python" "$out/go"
cp -r "$work/gen/java" "$work/gen/nodejs" "$work/gen/python" "$work/gen/go" "$out/"
