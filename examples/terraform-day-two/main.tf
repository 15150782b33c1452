# Terraform 1.14 or later: actions, terraform query and resource identity. Against the emulator
# (make emulator) as written; against the real clouds, drop the endpoints and set the tokens'
# environment variables. OpenTofu 1.12 has identity but neither actions nor list resources.
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

# What gets deployed; each new value is one deploy (terraform apply -var release=43).
variable "release" {
  type    = string
  default = "42"
}

# A throwaway rollback point before each deploy: the two newest it made are kept.
action "vpssnap_locaweb_take_snapshot" "pre_deploy" {
  config {
    server = "cpro0299"
    name   = "pre-deploy"
    keep   = 2
  }
}

action "vpssnap_vpsorg_take_snapshot" "pre_deploy" {
  config {
    server_id = 12345
    name      = "pre-deploy"
    keep      = 2
  }
}

# Stands for whatever changes the servers (a configuration run, an image push). Its updates,
# not its creation, are the deploys: before_update takes both snapshots first.
resource "terraform_data" "deploy" {
  input = var.release

  lifecycle {
    action_trigger {
      events = [before_update]
      actions = [
        action.vpssnap_locaweb_take_snapshot.pre_deploy,
        action.vpssnap_vpsorg_take_snapshot.pre_deploy,
      ]
    }
  }
}
