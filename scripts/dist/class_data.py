"""The plugin's class-data archive, dumped into a Linux runtime at build time (runtime/lib/vpssnap.jsa).

A fresh CI runner has no per-user archive, so before this every start there was cold. The archive
is a static dump (-Xshare:dump) from the committed class list (scripts/dist/plugin.classlist,
written by `make classlist`), which makes it a pure function of its inputs: Java 19 and later dump
the same bytes from the same runtime, jars, flags and list (JDK-8253495) as long as nothing in the
dumping JVM's own run depends on timing (DUMP_HEAP and RESOLVED below remove the two such things found),
and reproducible.py checks it under load. The list, not a training run, is the input because two training runs differ by a
few classes that netty's threads load or not.

The JVM accepts an archive only for jars of the sizes and modification times it was dumped with,
and engines unpack a package with the time of unpacking. So the jars are dumped with the release's
time (SOURCE_DATE_EPOCH), written beside the archive as a `touch -t` stamp (UTC); the launcher
copies the package's jars once into the user's cache with that time, and starts from there. Java 19
and later accept an archive whose jars moved together to another folder.

Only linux_amd64 ships one (decision). linux_arm64's dump would run the arm64 JVM under
qemu-aarch64-static, and there it is not reproducible: two dumps on an idle machine gave the same
bytes, but one made while every core was busy differed in 3.2 MB of 50.7 MB, twice, with and without
-Xint (2026-12-07). A release must not depend on how busy its build machine was, so linux_arm64 trains
its archive per user, as macOS does (its runtime is signed bytes from a wheel no machine here could
dump for), until an arm64 machine dumps it natively.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time

ARCHIVE = os.path.join("lib", "vpssnap.jsa")
STAMP = ARCHIVE + ".stamp"
PLATFORMS = ("linux_amd64",)
# A list that names classes the jars no longer have is stale: past this share, the build fails.
MAX_MISSING = 0.02


class ClassDataError(Exception):
    """An archive that cannot be made; the message says why and what to do."""


def launcher_flags(launcher_text, major):
    """The JVM flags the launcher starts the plugin with (its `opts`), for Java `major`: the archive
    must be dumped with the flags it is used with."""
    base = re.search(r'^opts="([^"$]*)"$', launcher_text, re.M)
    newer = re.search(r'-ge 24 \] 2>/dev/null && opts="\$opts ([^"]*)"', launcher_text)
    if not base or not newer:
        raise ClassDataError("the launcher's opts= lines were not found: class_data.launcher_flags must follow its layout")
    return base.group(1).split() + (newer.group(1).split() if major >= 24 else [])


# The dump's heap: the launcher's -Xmx (the archive records it, and a run with another maps no heap
# objects), but a young generation and a metaspace threshold large enough that no collection runs before
# the dump's own. With the launcher's -Xms16m, some ten collections ran while the list loaded, and a dump
# made while both cores were busy differed from a quiet one in 1.3-2 MB about one time in three (the
# heap's occupancy differed from the first collection on: what runs beside the main thread, and when,
# reaches the dump through them); with these, 8 busy dumps and 2 quiet ones gave the same bytes
# (2026-12-07). A run with the launcher's own flags maps the archive, full module graph included.
DUMP_HEAP = ("-Xms128m", "-Xmn100m", "-XX:MetaspaceSize=256m")


# Constant-pool entries resolved in every dump. java.util.HashMap's #194 is its call of treeifyBin, which the
# dumping JVM's own maps reach in some runs and not in others (a bin of 8 entries); the archive keeps the entry
# as the run left it, and two dumps then differed in 22 bytes about one time in two, quiet or busy. Resolved in
# every dump, 8 of 8 busy dumps gave the same bytes, those of a run that reached it (2026-12-07; the differing
# bytes were placed with -Xlog:aot+map). The index belongs to one Java build: RESOLVED_FOR names it, and a
# runtime of another build stops the dump until the index is checked again (`javap -v java.util.HashMap | grep
# '#194 '` on that build must print treeifyBin).
RESOLVED = ("@cp java/util/HashMap 194",)
RESOLVED_FOR = "25.0.5.1"


def java_version(runtime):
    """The runtime's JAVA_VERSION, from its release file."""
    with open(os.path.join(runtime, "release")) as f:
        found = re.search(r'^JAVA_VERSION="([^"]+)"', f.read(), re.M)
    if not found:
        raise ClassDataError(f"{runtime}/release names no JAVA_VERSION")
    return found.group(1)


def dump(runtime, platform, jars, classlist, flags, epoch):
    """Writes runtime/ARCHIVE and runtime/STAMP for the jars (a list of paths). The JVM runs in a
    folder of its own, with the class path and every file it names relative to it, and that folder's
    path always has the same length (/tmp/vpssnap-cds-XXXXXXXX): the archive records the class path
    as given, and the length of its absolute form (what Java's relocation of the jars starts from),
    and the same bytes must come out wherever the build runs. -Xint: no compiler thread runs beside
    the dump (the archive's bytes are the same with it on linux_amd64, where both were compared), so
    the machine's load cannot reach the dump through the JIT's timing."""
    if java_version(runtime) != RESOLVED_FOR:
        raise ClassDataError(f"{platform}: the runtime is Java {java_version(runtime)}, and class_data.RESOLVED was checked "
                             f"for {RESOLVED_FOR}: check its index on the new build and update RESOLVED_FOR")
    work = tempfile.mkdtemp(prefix="vpssnap-cds-", dir="/tmp")
    os.makedirs(os.path.join(work, "lib"))
    for jar in jars:
        target = os.path.join(work, "lib", os.path.basename(jar))
        shutil.copyfile(jar, target)
        os.utime(target, (epoch, epoch))
    shutil.copyfile(classlist, os.path.join(work, "classlist"))
    with open(os.path.join(work, "classlist"), "a") as f:
        f.write("".join(line + "\n" for line in RESOLVED))
    class_path = ":".join("lib/" + name for name in sorted(os.listdir(os.path.join(work, "lib"))))
    loaders = [name for name in os.listdir(os.path.join(runtime, "bin")) if name.startswith("ld-linux-")]
    if len(loaders) != 1:
        raise ClassDataError(f"{runtime}/bin holds {len(loaders)} loaders; a Linux runtime has one (runtimes.py)")
    runtime = os.path.abspath(runtime)
    command = [
        os.path.join(runtime, "bin", loaders[0]), "--library-path", os.path.join(runtime, "glibc"),
        os.path.join(runtime, "bin", "java"), *flags, *DUMP_HEAP, "-Xint", "-Xlog:cds=warning:stdout", "-Xshare:dump",
        "-XX:SharedClassListFile=classlist", "-XX:SharedArchiveFile=archive.jsa", "-cp", class_path]
    try:
        result = subprocess.run(command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        dumped = os.path.join(work, "archive.jsa")
        if result.returncode != 0 or not os.path.isfile(dumped):
            raise ClassDataError(f"{platform}: the class-data dump failed ({result.returncode}):\n{result.stdout[-4000:]}")
        check_list_is_current(classlist, result.stdout)
        shutil.move(dumped, os.path.join(runtime, ARCHIVE))
    finally:
        shutil.rmtree(work)
    os.chmod(os.path.join(runtime, ARCHIVE), 0o644)
    with open(os.path.join(runtime, STAMP), "w") as f:
        f.write(time.strftime("%Y%m%d%H%M.%S", time.gmtime(epoch)) + "\n")


def check_list_is_current(classlist, dump_log):
    """Fails when more than MAX_MISSING of the list's classes are gone from the jars and the runtime."""
    with open(classlist) as f:
        listed = sum(1 for line in f if line.strip() and not line.startswith(("#", "@")))
    missing = set(re.findall(r"Preload Warning: Cannot find (\S+)", dump_log))
    if listed == 0 or len(missing) > MAX_MISSING * listed:
        raise ClassDataError(f"{classlist} names {len(missing)} of its {listed} classes that the jars and the runtime "
                             f"do not have (allowed: {MAX_MISSING:.0%}), e.g. {sorted(missing)[:5]}: it is stale. "
                             f"Run `make classlist` and commit the list")


# Classes left out of the list whatever a training run loads, each because with it the dump is no
# longer a pure function of its inputs. Alert$AlertMessage (loaded when a training run's TLS connection
# happens to close with an alert): with it, a dump made while both cores were busy differed from a
# quiet one in 22 bytes (a resolved call-site entry and the header's checksums), every time; without
# it, the same bytes (2026-12-07, reproducible.py's quiet and busy builds). Not listed, it loads from
# its module at run time, once, when an alert is sent.
EXCLUDED = frozenset({"sun/security/ssl/Alert$AlertMessage"})


def normalize(raw_lines):
    """A training run's -XX:DumpLoadedClassList output as the committed list: class lines without
    their ids (kept only by custom loaders, which the plugin has none of) and the lambda lines, sorted;
    none of EXCLUDED; no @cp lines, whose constant-pool indexes a later build of a class would make wrong (a wrong one
    stops the dump, where a stale class or lambda line is only skipped)."""
    kept = set()
    for line in raw_lines:
        line = line.rstrip("\n")
        if not line or line.startswith("#") or line.startswith("@cp "):
            continue
        line = re.sub(r" id: \d+$", "", line)
        if line not in EXCLUDED:
            kept.add(line)
    return sorted(kept)


def write_classlist(java, jars, launcher, out):
    """`make classlist`: each door's training run (CdsTraining, the calls an engine's first requests
    make, touching no API) on `java` (a Java 25), their lists merged and normalized into out."""
    with open(launcher) as f:
        flags = launcher_flags(f.read(), 25)
    class_path = ":".join(sorted(jars))
    lines = []
    for door in ("terraform", "pulumi"):
        raw = out + f".{door}.raw"
        subprocess.run([java, *flags, "-Xshare:off", f"-XX:DumpLoadedClassList={raw}", "-cp", class_path,
                        f"com.vpssnap.provider.{door}.CdsTraining"], check=True, stdout=subprocess.DEVNULL)
        with open(raw) as f:
            lines += f.readlines()
        os.remove(raw)
    with open(out, "w") as f:
        f.write("# The classes the plugin loads on its first requests, for the Linux runtimes' class-data archive\n"
                "# (scripts/dist/class_data.py). Written by `make classlist`; commit it when it changes.\n")
        f.write("\n".join(normalize(lines)) + "\n")


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description="write the committed class list (make classlist)")
    parser.add_argument("--java", required=True)
    parser.add_argument("--launcher", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("jars", nargs="+")
    args = parser.parse_args()
    write_classlist(args.java, args.jars, args.launcher, args.out)
