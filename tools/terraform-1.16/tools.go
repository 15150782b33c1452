//go:build tools

// Records the pinned command for `go mod tidy`; ../tools.mk builds it.
package tools

import (
	_ "github.com/hashicorp/terraform"
)
