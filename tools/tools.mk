# tools/tools.mk: builds the pinned external CLIs that vpssnap's tests and demo drive
# (pulumi, its YAML/Node.js/Java language hosts, tofu) from Go source into tools/bin.
# Included by the top-level Makefile; see tools/README.md for the pins and why.
#
# Each binary is a real file target that depends only on its module's go.mod/go.sum,
# so it is built once and rebuilt only when its pin changes. Builds use -mod=readonly,
# so a fresh clone builds exactly the pinned set recorded in the committed go.sum.
#
# Use installed CLIs instead of building them:  make demo PULUMI=$(which pulumi) TOFU=$(which tofu)
# (a PULUMI/TOFU outside tools/bin drops the corresponding build from PULUMI_DEP/TOFU_DEP).

TOOLS_DIR := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
TOOLS_BIN := $(TOOLS_DIR)/bin

PULUMI ?= $(TOOLS_BIN)/pulumi
TOFU ?= $(TOOLS_BIN)/tofu
TERRAFORM ?= $(TOOLS_BIN)/terraform

# What a target that runs $(PULUMI)/$(TOFU) must depend on: the tools/bin builds, but only
# when PULUMI/TOFU point at them. With PULUMI=$(which pulumi) the installed CLI is used as is
# (an installed pulumi brings its own pulumi-language-yaml next to it).
PULUMI_DEP := $(if $(filter $(TOOLS_BIN)/pulumi,$(abspath $(PULUMI))),$(TOOLS_BIN)/pulumi $(TOOLS_BIN)/pulumi-language-yaml)
TOFU_DEP := $(if $(filter $(TOOLS_BIN)/tofu,$(abspath $(TOFU))),$(TOOLS_BIN)/tofu)
TERRAFORM_DEP := $(if $(filter $(TOOLS_BIN)/terraform,$(abspath $(TERRAFORM))),$(TOOLS_BIN)/terraform)
# The newest Terraform the module proxy builds, for the day-two features and the destroy-time
# actions of 1.16 (TERRAFORM_LATEST=$(which terraform) uses an installed one).
TERRAFORM_LATEST ?= $(TOOLS_BIN)/terraform-1.16
TERRAFORM_LATEST_DEP := $(if $(filter $(TOOLS_BIN)/terraform-1.16,$(abspath $(TERRAFORM_LATEST))),$(TOOLS_BIN)/terraform-1.16)
PULUMI_LANGUAGES_DEP := $(if $(PULUMI_DEP),$(TOOLS_BIN)/pulumi-language-java $(TOOLS_BIN)/pulumi-language-nodejs)

TOOLS_GO ?= go
# Parallel compile jobs per build (the machines have 2 cores).
TOOLS_GO_P ?= 2
# One tool build at a time even under make -j: each one already uses every core.
TOOLS_FLOCK := $(shell command -v flock 2>/dev/null)
TOOLS_LOCK := $(if $(TOOLS_FLOCK),$(TOOLS_FLOCK) $(TOOLS_BIN)/.build.lock)
# GOWORK=off: never pick up a go.work from above. CGO_ENABLED=0: static binaries, as upstream ships.
# GOFLAGS is cleared so that a user's GOFLAGS (e.g. -mod=mod) cannot loosen the pins.
TOOLS_GO_ENV := GOWORK=off GOFLAGS= CGO_ENABLED=0
TOOLS_GO_BUILD := $(TOOLS_GO_ENV) $(TOOLS_LOCK) $(TOOLS_GO) build -mod=readonly -trimpath -buildvcs=false -p $(TOOLS_GO_P)

# $(call tools_version,MODULE): the version of MODULE pinned in the current directory's go.mod.
tools_version = $$($(TOOLS_GO_ENV) $(TOOLS_GO) list -mod=readonly -m -f '{{.Version}}' $(1))

.PHONY: tools-pulumi tools-tofu tools-terraform tools-terraform-latest tools-languages tools-restapi tools-clean

## tools-pulumi: build the pinned pulumi CLI and its YAML language host into tools/bin
tools-pulumi: $(TOOLS_BIN)/pulumi $(TOOLS_BIN)/pulumi-language-yaml

## tools-tofu: build the pinned OpenTofu CLI into tools/bin
tools-tofu: $(TOOLS_BIN)/tofu

## tools-terraform: build the pinned HashiCorp Terraform CLI into tools/bin (the install tests run it beside tofu)
tools-terraform: $(TOOLS_BIN)/terraform

## tools-terraform-latest: build HashiCorp Terraform 1.16 into tools/bin/terraform-1.16 (actions and their destroy-time events, terraform query, identity)
tools-terraform-latest: $(TOOLS_BIN)/terraform-1.16

## tools-restapi: build Mastercard's terraform-provider-restapi, the Go peer of `make bench`
tools-restapi: $(TOOLS_BIN)/terraform-provider-restapi

## tools-languages: build the Node.js and Java language hosts (for stacks and `pulumi package gen-sdk`)
tools-languages: $(TOOLS_BIN)/pulumi-language-java $(TOOLS_BIN)/pulumi-language-nodejs

## tools-clean: delete the built tools (the next build takes minutes again)
tools-clean:
	rm -rf $(TOOLS_BIN)

$(TOOLS_BIN):
	mkdir -p $@

# Flags as in pulumi's own .goreleaser.yml: version stamped into the sdk, pure-Go os/user,
# grpc without x/net/trace.
$(TOOLS_BIN)/pulumi: $(TOOLS_DIR)/pulumi/go.mod $(TOOLS_DIR)/pulumi/go.sum | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/pulumi && $(TOOLS_GO_BUILD) -tags osusergo,grpcnotrace \
	  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$(call tools_version,github.com/pulumi/pulumi/pkg/v3)" \
	  -o $@.tmp github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
	mv -f $@.tmp $@

$(TOOLS_BIN)/pulumi-language-yaml: $(TOOLS_DIR)/pulumi-language-yaml/go.mod $(TOOLS_DIR)/pulumi-language-yaml/go.sum | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/pulumi-language-yaml && $(TOOLS_GO_BUILD) \
	  -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$(call tools_version,github.com/pulumi/pulumi-yaml)" \
	  -o $@.tmp github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
	mv -f $@.tmp $@

# The version comes from the VERSION file embedded in the module; dev=no drops the "-dev"
# suffix, as in OpenTofu's own .goreleaser.yaml.
$(TOOLS_BIN)/tofu: $(TOOLS_DIR)/tofu/go.mod $(TOOLS_DIR)/tofu/go.sum | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/tofu && $(TOOLS_GO_BUILD) \
	  -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" \
	  -o $@.tmp github.com/opentofu/opentofu/cmd/tofu
	mv -f $@.tmp $@

# -X version.dev=no drops the "-dev" suffix, as Terraform's release build does; the version
# itself comes from the VERSION file embedded in the module.
$(TOOLS_BIN)/terraform: $(TOOLS_DIR)/terraform/go.mod $(TOOLS_DIR)/terraform/go.sum | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/terraform && $(TOOLS_GO_BUILD) \
	  -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" \
	  -o $@.tmp github.com/hashicorp/terraform
	mv -f $@.tmp $@

$(TOOLS_BIN)/pulumi-language-java: $(TOOLS_DIR)/pulumi-language-java/go.mod $(TOOLS_DIR)/pulumi-language-java/go.sum | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/pulumi-language-java && $(TOOLS_GO_BUILD) \
	  -ldflags "-s -w -X github.com/pulumi/pulumi-java/pkg/version.Version=$(call tools_version,github.com/pulumi/pulumi-java)" \
	  -o $@.tmp github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java
	mv -f $@.tmp $@

# Terraform 1.16.4, the newest release the module proxy serves (1.16.5+ and 1.17 answer 403).
# Its nested modules are stubs (terraform-1.16/stub, README.md): the proxy serves none of them.
$(TOOLS_BIN)/terraform-1.16: $(TOOLS_DIR)/terraform-1.16/go.mod $(TOOLS_DIR)/terraform-1.16/go.sum $(shell find $(TOOLS_DIR)/terraform-1.16/stub -type f 2>/dev/null) | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/terraform-1.16 && $(TOOLS_GO_BUILD) \
	  -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" \
	  -o $@.tmp github.com/hashicorp/terraform
	mv -f $@.tmp $@

# The Go provider `make bench` compares with; a plain build, as its GNUmakefile does.
$(TOOLS_BIN)/terraform-provider-restapi: $(TOOLS_DIR)/terraform-provider-restapi/go.mod $(TOOLS_DIR)/terraform-provider-restapi/go.sum | $(TOOLS_BIN)
	cd $(TOOLS_DIR)/terraform-provider-restapi && $(TOOLS_GO_BUILD) -ldflags "-s -w" \
	  -o $@.tmp github.com/Mastercard/terraform-provider-restapi
	mv -f $@.tmp $@

# pulumi-language-nodejs cannot be built from the Go module proxy: its module
# (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) has no release tags, and
# the proxy answers 403 for the pseudo-versions tried (e.g. the sdk/v3.259.0 commit); see
# tools/README.md. So this target only explains that and fails.
$(TOOLS_BIN)/pulumi-language-nodejs:
	@echo "tools.mk: pulumi-language-nodejs cannot be built from the Go module proxy (see tools/README.md)." >&2
	@echo "tools.mk: copy the one shipped with a Pulumi installation to $@, or use PULUMI=\$$(which pulumi)." >&2
	@exit 1
