// Package s3 stands in for Terraform's s3 state backend (see ../legacy/unavailable).
package s3

import (
	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/legacy/unavailable"
)

// New returns a backend that refuses every use, naming why.
func New() backend.Backend {
	return unavailable.New("s3")
}
