#!/usr/bin/env python3
"""Builds every platform's runtime twice, in two folders, the second time with every core kept busy,
and compares the two trees byte for byte (names, contents, executable bits). With --sdk-python and
--sdk-go it does the same for the Python wheel and sdist and the Go module tree, built from two
copies of the SDK whose files carry different times. With --go-launcher it builds the Windows
launcher twice, each time with an empty Go build cache of its own (so nothing is reused), the second
under load. `make test` runs it.

A release whose checksums change from build to build cannot be verified by anyone who rebuilds it.
A Linux runtime carries the plugin's class-data archive (class_data.py): with --jars, --jar,
--launcher and --classlist it is dumped in each build too. JDK 17's dump differed with the machine's
load, which is why no runtime shipped one before Java 25: this check is what keeps the dump honest.

  python3 scripts/dist/reproducible.py --jdk JDK25 --inputs build/runtime-inputs [--platforms ...]
      [--jars DIR --jar JAR --launcher LAUNCHER --classlist LIST]
      [--version VERSION --sdk-python sdk/python --python-build PYTHON --sdk-go sdk/go --go-module-zip BIN]
      [--version VERSION --go-launcher provider/src/main/go/launcher [--go GO]]
"""
import argparse
import filecmp
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import class_data  # noqa: E402
import runtimes  # noqa: E402
import sdk_packages  # noqa: E402

# The busy loops stop by themselves after this long, should this script die without stopping them.
LOAD_LIMIT_SECONDS = 600


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jdk", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--platforms", default=" ".join(runtimes.PLATFORMS))
    p.add_argument("--version")
    p.add_argument("--sdk-python")
    p.add_argument("--python-build")
    p.add_argument("--sdk-go")
    p.add_argument("--go-module-zip")
    p.add_argument("--jars", help="the plugin's dependency jars (provider/target/lib)")
    p.add_argument("--jar", help="the plugin's own jar")
    p.add_argument("--launcher")
    p.add_argument("--classlist")
    p.add_argument("--go-launcher", help="the Windows launcher's Go source (provider/src/main/go/launcher)")
    p.add_argument("--go", default="go")
    args = p.parse_args()
    jlink = os.path.join(args.jdk, "bin", "jlink")
    passed, failed = 0, 0
    with tempfile.TemporaryDirectory(prefix="vpssnap-reproducible-") as scratch:
        for platform in args.platforms.replace(",", " ").split():
            source = runtimes.fetch(platform, args.inputs)
            quiet = os.path.join(scratch, "quiet", platform, "runtime")
            busy = os.path.join(scratch, "busy", "elsewhere", platform, "runtime")
            build_runtime(args, source, jlink, platform, quiet)
            with cpu_load():
                build_runtime(args, source, jlink, platform, busy)
            differences = compare(quiet, busy)
            if differences:
                failed += 1
                print(f"reproducible: {platform}: the two builds differ:")
                for line in differences[:20]:
                    print(f"  {line}")
            else:
                passed += 1
                print(f"reproducible: {platform}: {len(tree(quiet))} files, every byte the same in both builds")
        if args.sdk_python and args.sdk_go:
            builds = [build_sdk_packages(args, os.path.join(scratch, "sdk", str(n)), stamp) for n, stamp in enumerate((1, 2))]
            differences = compare(*builds)
            if differences:
                failed += 1
                print("reproducible: SDK packages: the two builds differ:")
                for line in differences[:20]:
                    print(f"  {line}")
            else:
                passed += 1
                print(f"reproducible: SDK packages: {len(tree(builds[0]))} files, every byte the same in both builds")
        if args.go_launcher:
            built = [build_windows_launcher(args, os.path.join(scratch, "launcher", str(n)), busy) for n, busy in enumerate((False, True))]
            if filecmp.cmp(*built, shallow=False):
                passed += 1
                print(f"reproducible: windows launcher: {os.path.getsize(built[0])} bytes, every byte the same in both builds")
            else:
                failed += 1
                print("reproducible: windows launcher: the two builds differ")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def build_windows_launcher(args, folder, busy):
    """The launcher as make builds it (the Makefile's WINDOWS_LAUNCHER), with an empty build cache of its own."""
    os.makedirs(folder)
    out = os.path.join(folder, "vpssnap-launcher.exe")
    env = dict(os.environ, GOOS="windows", GOARCH="amd64", CGO_ENABLED="0", GOWORK="off", GOFLAGS="",
               GOCACHE=os.path.join(folder, "gocache"))
    command = [args.go, "build", "-trimpath", "-buildvcs=false", "-ldflags", f"-s -w -buildid= -X main.version={args.version}",
               "-o", out, "."]
    if busy:
        with cpu_load():
            subprocess.run(command, cwd=args.go_launcher, env=env, check=True)
    else:
        subprocess.run(command, cwd=args.go_launcher, env=env, check=True)
    return out


def build_runtime(args, source, jlink, platform, runtime):
    """platform's runtime as dist.py builds it: with the class-data archive on Linux when the jars are given."""
    runtimes.build(source, jlink, runtime, args.inputs)
    if args.jars and platform in class_data.PLATFORMS:
        jars = sorted(os.path.join(args.jars, n) for n in os.listdir(args.jars) if n.endswith(".jar")) + [args.jar]
        with open(args.launcher) as f:
            flags = class_data.launcher_flags(f.read(), int(runtimes.JAVA_FEATURE))
        class_data.dump(runtime, platform, jars, os.path.abspath(args.classlist), flags, 1700000000)


def build_sdk_packages(args, scratch, stamp):
    """The wheel, the sdist and the Go module tree from copies of sdk/ whose files all carry the time
    `stamp` (a fresh checkout's times are those of the checkout); returns the folder holding them."""
    out = os.path.join(scratch, "out")
    python, module = os.path.join(scratch, "sdk-python"), os.path.join(scratch, "sdk-go")
    for source, copy in ((args.sdk_python, python), (args.sdk_go, module)):
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist"))
        for folder, _, names in os.walk(copy):
            for name in names:
                os.utime(os.path.join(folder, name), (stamp, stamp))
    sdk_packages.build_python(python, os.path.join(out, "python"), args.python_build, args.version, 1700000000)
    sdk_packages.build_go(module, os.path.join(out, "go"), args.go_module_zip, args.version, 1700000000)
    return out


class cpu_load:
    """A busy loop on each core for the length of a `with` block (and never past LOAD_LIMIT_SECONDS)."""

    def __enter__(self):
        deadline = time.monotonic() + LOAD_LIMIT_SECONDS
        self.workers = [multiprocessing.Process(target=spin, args=(deadline,), daemon=True)
                        for _ in range(os.cpu_count() or 1)]
        for worker in self.workers:
            worker.start()
        return self

    def __exit__(self, *exc):
        for worker in self.workers:
            worker.terminate()
            worker.join()


def spin(deadline):
    while time.monotonic() < deadline:
        pass


def tree(root):
    """{relative path: (bytes, executable)} of every file under root."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, root)] = (f.read(), bool(os.stat(path).st_mode & 0o111))
    return found


def compare(first, second):
    a, b = tree(first), tree(second)
    lines = [f"only in one build: {name}" for name in sorted(set(a) ^ set(b))]
    for name in sorted(set(a) & set(b)):
        if a[name][0] != b[name][0]:
            lines.append(f"{name}: contents differ ({len(a[name][0])} and {len(b[name][0])} bytes){where(a[name][0], b[name][0])}")
        elif a[name][1] != b[name][1]:
            lines.append(f"{name}: executable bit differs")
    return lines


def where(x, y):
    """Where two same-sized contents differ: how many bytes, and the first few offsets (hex), so a
    difference in a binary (the class-data archive) can be placed without the files."""
    if len(x) != len(y):
        return ""
    offsets = [i for i in range(len(x)) if x[i] != y[i]] if len(x) < 200_000_000 else []
    if not offsets:
        return ""
    runs = []
    for i in offsets:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    shown = ", ".join(f"{start:#x}" + (f"-{end:#x}" if end > start else "") for start, end in runs[:12])
    return f": {len(offsets)} bytes in {len(runs)} runs, at {shown}" + (" …" if len(runs) > 12 else "")


if __name__ == "__main__":
    main()
