// Package terraform is named, not built: from v1.16 a test of Terraform's internal/command/views
// imports internal/legacy/terraform, and `go mod tidy` resolves the imports of tests too. No
// package of the terraform binary imports it, so this empty package only lets tidy finish.
package terraform
