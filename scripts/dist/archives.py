"""Deterministic archives: the same tree always gives the same bytes (sorted entries, one fixed
time, modes reduced to 0755/0644, no owner names), so a release can be rebuilt and compared."""
import gzip
import hashlib
import io
import os
import tarfile
import time
import zipfile


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_under(root):
    """Every regular file below root, as sorted relative paths with forward slashes."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in names:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                raise ValueError(f"{path} is a symbolic link: release archives hold regular files only")
            found.append(os.path.relpath(path, root).replace(os.sep, "/"))
    return sorted(found)


def mode_of(path):
    return 0o755 if os.stat(path).st_mode & 0o111 else 0o644


def write_zip(root, target, epoch):
    """A zip of root's files, without directory entries (Terraform's package hash counts files only)."""
    stamp = _zip_time(epoch)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in files_under(root):
            path = os.path.join(root, name)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix, so that unzippers honour the mode bits below
            info.external_attr = (0o100000 | mode_of(path)) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as f:
                archive.writestr(info, f.read(), compresslevel=9)


def write_tar_gz(root, target, epoch):
    """A gzipped tar of root's files and folders, as `pulumi plugin install` unpacks it."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        folders = set()
        for name in files_under(root):
            parts = name.split("/")[:-1]
            for depth in range(1, len(parts) + 1):
                folder = "/".join(parts[:depth])
                if folder not in folders:
                    folders.add(folder)
                    archive.addfile(_tar_info(folder + "/", tarfile.DIRTYPE, 0o755, 0, epoch))
            path = os.path.join(root, name)
            info = _tar_info(name, tarfile.REGTYPE, mode_of(path), os.path.getsize(path), epoch)
            with open(path, "rb") as f:
                archive.addfile(info, f)
    with open(target, "wb") as out, gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
        gz.write(buffer.getvalue())


def _tar_info(name, kind, mode, size, epoch):
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.size, info.mtime = kind, mode, size, epoch
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _zip_time(epoch):
    # Zip times start in 1980 and are local times without a zone: written as UTC here.
    return time.gmtime(max(epoch, 315532800))[:6]
