# Roll back now, without touching state: terraform apply -invoke=action.vpssnap_locaweb_revert.now
# -var locaweb_snapshot_id=2695 -var vpsorg_snapshot_id=801 (ids from terraform query, or the web panel).
# Its own configuration, since an action's configuration is validated on every plan, invoked or not.
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

variable "locaweb_snapshot_id" {
  type = number
}

variable "vpsorg_snapshot_id" {
  type = number
}

action "vpssnap_locaweb_revert" "now" {
  config {
    server      = "cpro0299"
    snapshot_id = var.locaweb_snapshot_id
  }
}

action "vpssnap_vpsorg_restore" "now" {
  config {
    server_id   = 12345
    snapshot_id = var.vpsorg_snapshot_id
  }
}
