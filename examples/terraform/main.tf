# Rollback points on both clouds from HCL. Against the emulator (make emulator) as written;
# against the real clouds, drop the endpoints and set VPSSNAP_LOCAWEB_TOKEN / VPSSNAP_VPSORG_TOKEN.
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

# Set to a new label (tofu apply -var rollback_to=rollback-1) to revert both servers in place.
variable "rollback_to" {
  type    = string
  default = ""
}

resource "vpssnap_locaweb_snapshot" "web" {
  server         = "cpro0299"
  name           = "before-nginx-upgrade"
  description    = "Taken before the nginx upgrade"
  revert_trigger = var.rollback_to

  timeouts {
    create = "30m"
  }

  # A renamed snapshot is replaced: make the new one before deleting the old, so the server is
  # never without a rollback point.
  lifecycle {
    create_before_destroy = true
  }
}

resource "vpssnap_vpsorg_snapshot" "db" {
  server_id      = 12345
  name           = "before-schema-migration"
  description    = "Taken before the schema migration"
  revert_trigger = var.rollback_to

  # No create_before_destroy: VPS.org keeps at most 5 snapshots per server, and on a full one a
  # replacement could not be made before the old snapshot is deleted.
}

data "vpssnap_locaweb_snapshots" "web_server" {
  server     = vpssnap_locaweb_snapshot.web.server
  depends_on = [vpssnap_locaweb_snapshot.web]
}

output "web_snapshot" {
  value = vpssnap_locaweb_snapshot.web.id
}

output "db_snapshot_size_mb" {
  value = vpssnap_vpsorg_snapshot.db.size_mb
}

output "snapshots_on_web_server" {
  value = [for s in data.vpssnap_locaweb_snapshots.web_server.snapshots : s.name]
}
