// Stands in for Terraform's nested module internal/legacy, which the Go module proxy does not
// serve at v1.16.4 (../../../README.md). Only the cos and oss backends use it, and they are stubs
// too; this module adds the one package every backend stub shares.
module github.com/hashicorp/terraform/internal/legacy

go 1.25.10

require github.com/hashicorp/terraform v1.16.4
