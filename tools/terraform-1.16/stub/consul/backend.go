// Package consul stands in for Terraform's consul state backend (see ../legacy/unavailable).
package consul

import (
	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/legacy/unavailable"
)

// New returns a backend that refuses every use, naming why.
func New() backend.Backend {
	return unavailable.New("consul")
}
