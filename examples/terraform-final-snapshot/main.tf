# Terraform 1.16 or later: a final snapshot of each server before Terraform destroys what stands for
# it. Against the emulator (make emulator) as written; against the real clouds, drop the endpoints
# and set the tokens' environment variables.
terraform {
  required_providers {
    vpssnap = {
      source = "vpssnap.dev/vpssnap/vpssnap"
    }
  }
}

provider "vpssnap" {
  locaweb_endpoint = "http://127.0.0.1:8080/v1"
  locaweb_token    = "lw-demo-token"
  vpsorg_endpoint  = "http://127.0.0.1:8080/api/v1"
  vpsorg_token     = "vps-demo-token"
}

# false removes the servers with `terraform apply`, where on_failure decides; `terraform destroy`
# always goes on after a failed action (README.md).
variable "servers" {
  type    = bool
  default = true
}

locals {
  # The plan's time, known when the plan is made, as a destroy-time action's configuration must be.
  taken = formatdate("YYYYMMDD-hhmmss", plantimestamp())
}

# No keep: the take action's keep counts only the snapshots of its own name, so a pre-deploy
# action's keep never deletes these, and these are never deleted by the provider.
action "vpssnap_locaweb_take_snapshot" "final" {
  config {
    server      = "cpro0299"
    name        = "final-${local.taken}"
    description = "Final snapshot before destroy"
  }
}

action "vpssnap_vpsorg_take_snapshot" "final" {
  config {
    server_id   = 12345
    name        = "final-${local.taken}"
    description = "Final snapshot before destroy"
  }
}

# Stand for the servers: in a real configuration, the resource that creates the server (or the
# module that configures it); the trigger goes in that resource's lifecycle block.
resource "terraform_data" "locaweb_server" {
  count = var.servers ? 1 : 0
  input = "cpro0299"

  lifecycle {
    action_trigger {
      events     = [before_destroy]
      actions    = [action.vpssnap_locaweb_take_snapshot.final]
      on_failure = halt # a keyword: halt, continue or taint (README.md)
    }
  }
}

resource "terraform_data" "vpsorg_server" {
  count = var.servers ? 1 : 0
  input = 12345

  lifecycle {
    action_trigger {
      events     = [before_destroy]
      actions    = [action.vpssnap_vpsorg_take_snapshot.final]
      on_failure = halt # a keyword: halt, continue or taint (README.md)
    }
  }
}
