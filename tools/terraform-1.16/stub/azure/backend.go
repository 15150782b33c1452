// Package azure stands in for Terraform's azure state backend (see ../legacy/unavailable).
package azure

import (
	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/legacy/unavailable"
)

// New returns a backend that refuses every use, naming why.
func New() backend.Backend {
	return unavailable.New("azure")
}
