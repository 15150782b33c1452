#!/usr/bin/env python3
"""The provider registry protocol as static files, and the GPG signature it needs.

  terraform-registry/.well-known/terraform.json                    {"providers.v1": "/v1/providers/"}
  terraform-registry/v1/providers/NS/TYPE/versions                 every version, its protocols and platforms
  terraform-registry/v1/providers/NS/TYPE/VERSION/download/OS/ARCH the download document of each platform
  terraform-registry/v1/providers/NS/TYPE/VERSION/                 the zips, _SHA256SUMS and _SHA256SUMS.sig

Any static HTTPS server can serve the folder as the root of the source address's host: `init` then
finds the provider from `source = "HOST/NS/TYPE"` alone, and checks SHA256SUMS against its signature
with the key the download document lists. Every URL in the documents is relative (Terraform and
OpenTofu resolve them against the document's own URL), so the tree works at any host.

The signature is made with `gpg --detach-sign` and dated max(the release's time, the key's
creation): with an RSA or Ed25519 key, the same release and key give the same bytes. The key itself
never enters the repository (docs/guides/install.md, "Signing a release").

Run by dist.py when `make dist GPG_KEY=...` is given; the tests run it on a copy of dist/terraform.
  terraform_registry.py --terraform-dir dist/terraform --out DIR --source HOST/NS/TYPE --version V --gpg-key ID --epoch N
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from archives import sha256_file  # noqa: E402

PROTOCOLS = ["6.0"]


class SigningError(Exception):
    """gpg could not sign, or does not know the key; the message says which."""


def signing_key(gpg_key, env=None):
    """(long key id, creation time of the newest key or subkey that may sign, ASCII-armoured public key)."""
    listed = _gpg(["--with-colons", "--list-keys", gpg_key], env)
    key_id, created = "", 0
    for line in listed.splitlines():
        fields = line.split(":")
        if fields[0] in ("pub", "sub") and "s" in fields[11].lower():
            created = max(created, int(fields[5]))
        if fields[0] == "pub" and not key_id:
            key_id = fields[4].upper()
    if not key_id:
        raise SigningError(f"gpg lists no public key {gpg_key!r} that can sign")
    armor = _gpg(["--armor", "--export", gpg_key], env)
    return key_id, created, armor


def sign(sums, gpg_key, epoch, env=None):
    """sums + ".sig": a detached binary signature, dated max(epoch, the key's creation)."""
    _, created, _ = signing_key(gpg_key, env)
    signature = sums + ".sig"
    _gpg(["--yes", "--local-user", gpg_key, f"--faked-system-time={max(epoch, created)}!", "--ignore-time-conflict",
          "--detach-sign", "--output", signature, sums], env)
    return signature


def write_registry(out, source, version, zips_by_platform, sums, signature, key_id, armor):
    """The static registry tree for one version, its files hard-linked from the release's."""
    _, namespace, type_name = source.split("/")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, ".well-known"))
    _write_json(os.path.join(out, ".well-known", "terraform.json"), {"providers.v1": "/v1/providers/"})
    provider = os.path.join(out, "v1", "providers", namespace, type_name)
    files = os.path.join(provider, version)
    os.makedirs(files)
    for path in [*zips_by_platform.values(), sums, signature]:
        _link(path, os.path.join(files, os.path.basename(path)))
    platforms = []
    for platform, zip_path in sorted(zips_by_platform.items()):
        os_name, arch = platform.split("_")
        platforms.append({"os": os_name, "arch": arch})
        name = os.path.basename(zip_path)
        # The document's URL is VERSION/download/OS/ARCH: "../../NAME" is VERSION/NAME.
        _write_json(os.path.join(files, "download", os_name, arch), {
            "protocols": PROTOCOLS,
            "os": os_name,
            "arch": arch,
            "filename": name,
            "download_url": f"../../{name}",
            "shasums_url": f"../../{os.path.basename(sums)}",
            "shasums_signature_url": f"../../{os.path.basename(signature)}",
            "shasum": sha256_file(zip_path),
            "signing_keys": {"gpg_public_keys": [{"key_id": key_id, "ascii_armor": armor}]},
        })
    _write_json(os.path.join(provider, "versions"),
                {"versions": [{"version": version, "protocols": PROTOCOLS, "platforms": platforms}]})


def _link(source, target):
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copyfile(source, target)


def _write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(value, f, indent=2)
        f.write("\n")


def _gpg(args, env):
    result = subprocess.run(["gpg", "--batch", *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SigningError(f"gpg {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return result.stdout


def release_zips(terraform_dir):
    """{OS_ARCH: path} of the release's Terraform zips, and its SHA256SUMS file."""
    zips, sums = {}, None
    for name in sorted(os.listdir(terraform_dir)):
        path = os.path.join(terraform_dir, name)
        if name.endswith(".zip"):
            zips["_".join(name[:-len(".zip")].split("_")[-2:])] = path
        elif name.endswith("_SHA256SUMS"):
            sums = path
    return zips, sums


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--terraform-dir", required=True, help="the release's terraform/ folder (zips and SHA256SUMS)")
    p.add_argument("--out", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--gpg-key", required=True)
    p.add_argument("--epoch", type=int, required=True)
    args = p.parse_args()
    zips, sums = release_zips(args.terraform_dir)
    try:
        signature = sign(sums, args.gpg_key, args.epoch)
        key_id, _, armor = signing_key(args.gpg_key)
    except SigningError as e:
        sys.exit(f"terraform_registry: {e}")
    write_registry(args.out, args.source, args.version, zips, sums, signature, key_id, armor)


if __name__ == "__main__":
    main()
