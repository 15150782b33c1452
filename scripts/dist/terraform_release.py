"""The Terraform/OpenTofu release files, in the layout HashiCorp's provider scaffolding publishes
(zip per platform, SHA256SUMS, manifest.json), and the two mirror trees the CLIs install from:
a filesystem mirror (packed layout) and a network mirror (index.json, VERSION.json)."""
import base64
import hashlib
import json
import os
import zipfile

from archives import sha256_file


def package_hash_h1(zip_path):
    """Terraform's `h1:` hash of a package: dirhash Hash1 over the files the zip unpacks to
    (sorted names, one "SHA256  NAME" line each), the hash a lock file records after `init`."""
    lines = []
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            lines.append((info.filename, hashlib.sha256(archive.read(info)).hexdigest()))
    summary = "".join(f"{digest}  {name}\n" for name, digest in sorted(lines))
    return "h1:" + base64.b64encode(hashlib.sha256(summary.encode()).digest()).decode()


def write_release(out, type_name, version, zips):
    """SHA256SUMS and manifest.json beside the zips, named as the registry expects; returns SHA256SUMS's path."""
    manifest = f"terraform-provider-{type_name}_{version}_manifest.json"
    with open(os.path.join(out, manifest), "w") as f:
        json.dump({"version": 1, "metadata": {"protocol_versions": ["6.0"]}}, f, indent=2)
        f.write("\n")
    names = sorted([os.path.basename(z) for z in zips] + [manifest])
    sums = os.path.join(out, f"terraform-provider-{type_name}_{version}_SHA256SUMS")
    with open(sums, "w") as f:
        for name in names:
            f.write(f"{sha256_file(os.path.join(out, name))}  {name}\n")
    return sums


def write_filesystem_mirror(mirror, source, zips):
    """HOSTNAME/NAMESPACE/TYPE/terraform-provider-TYPE_VERSION_OS_ARCH.zip (the packed layout), hard-linked."""
    folder = os.path.join(mirror, *source.split("/"))
    os.makedirs(folder, exist_ok=True)
    for z in zips:
        os.link(z, os.path.join(folder, os.path.basename(z)))


def write_network_mirror(mirror, source, version, zips_by_platform):
    """The provider network mirror protocol as static files: index.json lists the versions,
    VERSION.json each platform's archive (a URL relative to that file) and its hashes. The
    archives are hard links to the release's."""
    folder = os.path.join(mirror, *source.split("/"))
    os.makedirs(folder, exist_ok=True)
    archives = {}
    for platform, z in sorted(zips_by_platform.items()):
        name = os.path.basename(z)
        os.link(z, os.path.join(folder, name))
        archives[platform] = {"url": name, "hashes": [package_hash_h1(z), "zh:" + sha256_file(z)]}
    with open(os.path.join(folder, f"{version}.json"), "w") as f:
        json.dump({"archives": archives}, f, indent=2)
        f.write("\n")
    with open(os.path.join(folder, "index.json"), "w") as f:
        json.dump({"versions": {version: {}}}, f, indent=2)
        f.write("\n")
