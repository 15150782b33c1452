// Stands in for Terraform's oss state backend, which the Go module proxy does not serve at v1.16.4.
module github.com/hashicorp/terraform/internal/backend/remote-state/oss

go 1.25.10

require (
	github.com/hashicorp/terraform v1.16.4
	github.com/hashicorp/terraform/internal/legacy v0.0.0-00010101000000-000000000000
)

replace github.com/hashicorp/terraform/internal/legacy => ../legacy
