// Package oss stands in for Terraform's oss state backend (see ../legacy/unavailable).
package oss

import (
	"github.com/hashicorp/terraform/internal/backend"
	"github.com/hashicorp/terraform/internal/legacy/unavailable"
)

// New returns a backend that refuses every use, naming why.
func New() backend.Backend {
	return unavailable.New("oss")
}
