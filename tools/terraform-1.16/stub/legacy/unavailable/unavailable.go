// Package unavailable is the state backend every stub in tools/terraform-1.16/stub returns: a
// configuration that names it fails with an error that says why, instead of silently storing state
// somewhere else. vpssnap's tests use the local backend only.
package unavailable

import (
	"fmt"

	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/configs/configschema"
	"github.com/hashicorp/terraform/internal/states/statemgr"
	"github.com/hashicorp/terraform/internal/tfdiags"
	"github.com/zclconf/go-cty/cty"
)

type unavailableBackend struct{ name string }

// New returns a backend named name that refuses every use.
func New(name string) backend.Backend {
	return unavailableBackend{name}
}

func (b unavailableBackend) refusal() tfdiags.Diagnostics {
	var diags tfdiags.Diagnostics
	return diags.Append(tfdiags.Sourceless(tfdiags.Error, fmt.Sprintf("The %q backend is not in this build", b.name),
		fmt.Sprintf("This terraform was built from the Go module proxy for vpssnap's tests, which does not serve the %q backend's module; "+
			"use a released terraform for remote state.", b.name)))
}

func (b unavailableBackend) ConfigSchema() *configschema.Block { return &configschema.Block{} }

func (b unavailableBackend) PrepareConfig(v cty.Value) (cty.Value, tfdiags.Diagnostics) {
	return v, b.refusal()
}

func (b unavailableBackend) Configure(cty.Value) tfdiags.Diagnostics { return b.refusal() }

func (b unavailableBackend) StateMgr(string) (statemgr.Full, tfdiags.Diagnostics) { return nil, b.refusal() }

func (b unavailableBackend) DeleteWorkspace(string, bool) tfdiags.Diagnostics { return b.refusal() }

func (b unavailableBackend) Workspaces() ([]string, tfdiags.Diagnostics) { return nil, b.refusal() }
