// Package gcs stands in for Terraform's gcs state backend (see ../legacy/unavailable).
package gcs

import (
	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/legacy/unavailable"
)

// New returns a backend that refuses every use, naming why.
func New() backend.Backend {
	return unavailable.New("gcs")
}
