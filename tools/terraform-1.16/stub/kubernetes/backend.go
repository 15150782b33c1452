// Package kubernetes stands in for Terraform's kubernetes state backend (see ../legacy/unavailable).
package kubernetes

import (
	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/legacy/unavailable"
)

// New returns a backend that refuses every use, naming why.
func New() backend.Backend {
	return unavailable.New("kubernetes")
}
