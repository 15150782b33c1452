# One snapshot on each cloud, from the released provider. The endpoints and tokens come from the
# environment (VPSSNAP_LOCAWEB_ENDPOINT, VPSSNAP_LOCAWEB_TOKEN, VPSSNAP_VPSORG_ENDPOINT,
# VPSSNAP_VPSORG_TOKEN); see README.md for the two mirror configurations.
terraform {
  required_providers {
    vpssnap = {
      source  = "vpssnap.dev/vpssnap/vpssnap"
      version = "0.1.0"
    }
  }
}

provider "vpssnap" {}

resource "vpssnap_locaweb_snapshot" "web" {
  server = "cpro0299"
  name   = "installed-from-a-mirror"
}

resource "vpssnap_vpsorg_snapshot" "db" {
  server_id = 12345
  name      = "installed-from-a-mirror"
}

output "snapshots" {
  value = [vpssnap_locaweb_snapshot.web.id, vpssnap_vpsorg_snapshot.db.id]
}
