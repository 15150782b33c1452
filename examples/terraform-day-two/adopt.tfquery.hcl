# terraform query lists every snapshot of these servers, whoever made them;
# terraform query -generate-config-out=adopted.tf writes an import and a resource block for each.
list "vpssnap_locaweb_snapshot" "web" {
  provider = vpssnap

  config {
    server = "cpro0299"
  }
}

list "vpssnap_vpsorg_snapshot" "db" {
  provider = vpssnap

  config {
    server_id = 12345
  }
}
