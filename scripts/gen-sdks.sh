#!/usr/bin/env bash
# Writes the Java and Node.js SDKs for schema.json into OUT_DIR/java and OUT_DIR/nodejs.
# `make sdks` runs it with OUT_DIR=sdk; SdkFreshnessIT runs it into a temporary directory and
# compares, so the committed SDKs can never drift from the schema.
#
# Needs: PULUMI (with pulumi-language-java next to it) and GEN_NODEJS (tools/bin/gen-nodejs).
set -euo pipefail

schema=${1:?usage: gen-sdks.sh SCHEMA_JSON OUT_DIR}
out=${2:?usage: gen-sdks.sh SCHEMA_JSON OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
: "${PULUMI:?set PULUMI to the pulumi CLI}" "${GEN_NODEJS:?set GEN_NODEJS to tools/bin/gen-nodejs}"

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

# Node.js: the same code generator pulumi-language-nodejs calls (see tools/pulumi/gen-nodejs).
"$GEN_NODEJS" "$schema" "$work/gen/nodejs"

mkdir -p "$out"
rm -rf "$out/java" "$out/nodejs"
cp -r "$work/gen/java" "$work/gen/nodejs" "$out/"
