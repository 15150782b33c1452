"""What make bench times: start-up of each launcher and its floors, and the apply, plan and up of 100
snapshots with tofu, terraform and pulumi, side by side with restapi."""
import os
import re
import signal
import statistics
import subprocess
import time

from handshake import interleaved, terraform_env_with_client_cert
from processes import LineServer, run
from sampling import PeakRss

SNAPSHOTS = 100
PARALLEL = 32
CREATE_DELAY_S = 2


def startup(args, work):
    tf_env = terraform_env_with_client_cert(work)
    release = os.path.join(work, "release")
    bundled = {"VPSSNAP_CACHE_DIR": os.path.join(work, "cache-bundled")}
    jdk17 = {"VPSSNAP_CACHE_DIR": os.path.join(work, "cache-jdk17")}
    # No archive at all: nothing trained, and the package's own archive switched off (the runtime has no other).
    no_cds = {"VPSSNAP_CACHE_DIR": os.path.join(work, "cache-none"), "VPSSNAP_CDS_TRAINING": "off", "VPSSNAP_JAVA_OPTS": "-Xshare:off"}
    released = {name: os.path.join(release, name) for name in ("pulumi-resource-vpssnap", "terraform-provider-vpssnap")}
    dev = {name: os.path.join(args.bin, name) for name in released}
    # What each launcher's first run leaves (the jars' copy for the package's archive, or a trained
    # archive for the JDK on PATH), before anything is timed.
    for name in released:
        for launcher, env in ((released[name], bundled), (dev[name], jdk17)):
            train_class_data_archive(launcher, env)
    lib = os.path.join(release, "lib")
    jars = ":".join(sorted(os.path.join(lib, j) for j in os.listdir(lib) if j.endswith(".jar")))
    runtime = os.path.join(release, "runtime")
    # The package's own loader and C library, as the launcher starts every JVM of a Linux package.
    loader = os.path.join(runtime, "bin", "ld-linux-x86-64.so.2")
    bundled_java = [loader, "--library-path", os.path.join(runtime, "glibc")] if os.path.exists(loader) else []
    bundled_java.append(os.path.join(runtime, "bin", "java"))
    candidates = {
        "pulumi": ([released["pulumi-resource-vpssnap"]], bundled),
        "pulumi, JDK 17 on PATH": ([dev["pulumi-resource-vpssnap"]], jdk17),
        "pulumi, no AppCDS": ([released["pulumi-resource-vpssnap"]], no_cds),
        "pulumi, default JVM flags, no AppCDS": ([*bundled_java, "-Xshare:off", "-cp", jars, "com.vpssnap.provider.pulumi.PulumiMain"], {}),
        "terraform": ([released["terraform-provider-vpssnap"]], {**tf_env, **bundled}),
        "terraform, JDK 17 on PATH": ([dev["terraform-provider-vpssnap"]], {**tf_env, **jdk17}),
        "terraform, no AppCDS": ([released["terraform-provider-vpssnap"]], {**tf_env, **no_cds}),
        "restapi": ([args.restapi], {**tf_env, "PLUGIN_PROTOCOL_VERSIONS": "5"}),
    }
    # Two floors. A JVM that does nothing but print the line, on the same runtime with the same
    # flags: what any Java plugin pays. And what a warm per-user server would cost a session: bash
    # connects over loopback, reads the handshake line the server answers, and prints it.
    floor_class = java_floor_class(work)
    candidates["floor: trivial Java main, bundled runtime"] = (
        [*bundled_java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", floor_class, "Floor"], {})
    with LineServer() as server:
        candidates["floor: bash hand-off to a warm server"] = (
            ["bash", "-c", f"exec 3<>/dev/tcp/127.0.0.1/{server.port}; read -r line <&3; echo \"$line\""], {})
        medians, _ = interleaved(args.runs, candidates)
    return medians


def java_floor_class(work):
    """A class whose main prints a handshake-shaped line and waits, compiled for the floor row."""
    d = os.path.join(work, "floor")
    os.makedirs(d)
    with open(os.path.join(d, "Floor.java"), "w") as f:
        f.write("public class Floor { public static void main(String[] a) throws Exception {"
                " System.out.println(\"1|6|tcp|127.0.0.1:1|grpc\"); System.out.flush(); Thread.sleep(60000); } }\n")
    subprocess.run(["javac", "--release", "17", "-d", d, os.path.join(d, "Floor.java")], check=True)
    return d


def tofu_workspace(work, name, overrides, hcl):
    d = os.path.join(work, name)
    os.makedirs(d)
    rc = os.path.join(d, "cli.tfrc")
    with open(rc, "w") as f:
        f.write("provider_installation {\n  dev_overrides {\n")
        for source, directory in overrides.items():
            f.write(f'    "{source}" = "{directory}"\n')
        f.write("  }\n  direct {}\n}\n")
    with open(os.path.join(d, "main.tf"), "w") as f:
        f.write(hcl)
    env = {"TF_CLI_CONFIG_FILE": rc, "TF_IN_AUTOMATION": "1", "TF_INPUT": "0", "CHECKPOINT_DISABLE": "1"}
    return d, env


def vpssnap_hcl(emulator):
    head = ('terraform {\n  required_providers {\n    vpssnap = { source = "vpssnap.dev/vpssnap/vpssnap" }\n  }\n}\n'
            f'provider "vpssnap" {{\n  locaweb_endpoint = "{emulator.url}/v1"\n  locaweb_token = "lw-demo-token"\n}}\n')
    return head + f'resource "vpssnap_locaweb_snapshot" "s" {{\n  count = {SNAPSHOTS}\n  server = "cpro0299"\n' \
                  '  name = "bench-${count.index}"\n}\n'


def restapi_hcl(emulator):
    # The same POST vpssnap makes; restapi then reads the object back once, and deletes it on destroy.
    head = ('terraform {\n  required_providers {\n    restapi = { source = "mastercard/restapi" }\n  }\n}\n'
            f'provider "restapi" {{\n  uri = "{emulator.url}/v1"\n  id_attribute = "data/id"\n'
            '  write_returns_object = true\n  headers = { "X-Auth-Token" = "lw-demo-token" }\n}\n')
    return head + (f'resource "restapi_object" "s" {{\n  count = {SNAPSHOTS}\n'
                   '  path = "/cloud/servers/cpro0299/snapshots"\n'
                   '  data = jsonencode({ data = { type = "snapshots", attributes = { name = "bench-${count.index}" } } })\n}\n')


def tofu_throughput(args, work, emulator):
    """Median wall time of `tofu apply` of 100 snapshots at zero cloud delay, ours and restapi's,
    interleaved, each followed by a destroy; and our plugin's peak RSS over all of it."""
    ours, ours_env = tofu_workspace(work, "tofu-vpssnap", {"vpssnap.dev/vpssnap/vpssnap": os.path.join(work, "release")},
                                    vpssnap_hcl(emulator))
    ours_env["VPSSNAP_CACHE_DIR"] = os.path.join(work, "cache-bundled")
    peer, peer_env = tofu_workspace(work, "tofu-restapi", {"mastercard/restapi": os.path.dirname(args.restapi)},
                                    restapi_hcl(emulator))
    engines = [("", args.tofu)] + ([("terraform ", args.terraform)] if args.terraform else [])
    times = {engine + name: [] for engine, _ in engines for name in ("vpssnap", "restapi")}
    plans = {engine + name: [] for engine, _ in engines for name in ("vpssnap", "restapi")}
    requests = {}
    with PeakRss("vpssnap-provider.jar") as rss:
        for _ in range(args.throughput_runs):
            for (engine, cli), (plugin, d, env) in ((e, c) for e in engines
                                                     for c in (("vpssnap", ours, ours_env), ("restapi", peer, peer_env))):
                name = engine + plugin
                emulator.reset(create_ms=0)
                times[name].append(run([cli, "apply", "-auto-approve", "-no-color"], d, env, f"{cli} apply ({name})"))
                if emulator.snapshot_count() != SNAPSHOTS:
                    raise RuntimeError(f"{name}: {emulator.snapshot_count()} snapshots after apply, not {SNAPSHOTS}")
                requests[name] = len(emulator.requests())
                # A drift check's plan: refresh every object, expect no change (exit 0).
                plans[name].append(run([cli, "plan", "-detailed-exitcode", "-no-color"], d, env, f"{cli} plan ({name})"))
                run([cli, "destroy", "-auto-approve", "-no-color"], d, env, f"{cli} destroy ({name})")
    medians = {name: statistics.median(t) for name, t in times.items()}
    medians.update({"plan " + name: statistics.median(t) for name, t in plans.items()})
    return medians, requests, rss.peak_kib


def pulumi_exit(args, work):
    """Milliseconds from the SIGINT the engine stops a plugin with to the plugin's exit (medians)."""
    launcher = os.path.join(work, "release", "pulumi-resource-vpssnap")
    env = {**os.environ, "VPSSNAP_CACHE_DIR": os.path.join(work, "cache-bundled")}
    samples = []
    for _ in range(args.runs):
        proc = subprocess.Popen([launcher], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        proc.stdout.readline()
        time.sleep(0.2)
        start = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        proc.wait()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def pulumi_program(emulator):
    lines = ["name: vpssnap-bench", "runtime: yaml", "resources:"]
    for i in range(SNAPSHOTS):
        lines += [f"  s{i}:", "    type: vpssnap:locaweb:Snapshot", "    properties:",
                  "      server: cpro0299", f"      name: bench-{i}"]
    return "\n".join(lines) + "\n"


def pulumi_workspace(d, emulator, pulumi, path, extra_env):
    """A project of the 100-snapshot program with its own PULUMI_HOME and file backend under d, and the
    environment that runs it (pulumi's folder, then path, first on PATH)."""
    home, state, project = (os.path.join(d, p) for p in ("home", "state", "project"))
    for p in (home, state, project):
        os.makedirs(p)
    with open(os.path.join(project, "Pulumi.yaml"), "w") as f:
        f.write(pulumi_program(emulator))
    env = {"PULUMI_HOME": home, "PULUMI_BACKEND_URL": "file://" + state, "PULUMI_CONFIG_PASSPHRASE": "bench",
           "PULUMI_SKIP_UPDATE_CHECK": "true", "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
           "PATH": ":".join([os.path.dirname(pulumi), *path, os.environ["PATH"]]), "NO_COLOR": "1", **extra_env}
    return project, env


def pulumi_throughput(args, work, emulator):
    """`pulumi up --parallel 32` of 100 snapshots at a 2 s create delay and at zero (the engine's
    own overhead); GETs per snapshot at 2 s; the plugin's peak RSS."""
    d = os.path.join(work, "pulumi")
    project, env = pulumi_workspace(d, emulator, args.pulumi, [], {"VPSSNAP_CACHE_DIR": os.path.join(d, "cache")})
    tarball = os.path.join(args.dist, "pulumi", f"pulumi-resource-vpssnap-v{args.version}-linux-amd64.tar.gz")
    run([args.pulumi, "plugin", "install", "resource", "vpssnap", args.version, "--file", tarball], project, env, "plugin install")
    run([args.pulumi, "stack", "init", "bench"], project, env, "stack init")
    run([args.pulumi, "config", "set", "vpssnap:locawebEndpoint", emulator.url + "/v1"], project, env, "config")
    run([args.pulumi, "config", "set", "--secret", "vpssnap:locawebToken", "lw-demo-token"], project, env, "config")
    up = [args.pulumi, "up", "--yes", "--skip-preview", "--non-interactive", "--parallel", str(PARALLEL)]
    destroy = [args.pulumi, "destroy", "--yes", "--skip-preview", "--non-interactive", "--parallel", str(PARALLEL)]
    # A first update trains the plugin's class-data archive in this PULUMI_HOME, as a user's first run would.
    emulator.reset(create_ms=0)
    run(up, project, env, "pulumi up (warm-up)")
    run(destroy, project, env, "pulumi destroy")
    wait_for_class_data_archive(env["VPSSNAP_CACHE_DIR"])
    times = {0: [], CREATE_DELAY_S: [], "preview": [], "preview --refresh": []}
    gets_per_snapshot = []
    with PeakRss("vpssnap-provider.jar") as rss:
        for _ in range(args.throughput_runs):
            for delay in (0, CREATE_DELAY_S):
                emulator.reset(create_ms=delay * 1000)
                times[delay].append(run(up, project, env, f"pulumi up (delay {delay}s)"))
                if emulator.snapshot_count() != SNAPSHOTS:
                    raise RuntimeError(f"{emulator.snapshot_count()} snapshots after pulumi up, not {SNAPSHOTS}")
                if delay:
                    gets = [r for r in emulator.requests()
                            if r["method"] == "GET" and re.fullmatch(r"/v1/cloud/servers/cpro0299/snapshots/\d+", r["path"])]
                    gets_per_snapshot.append(len(gets) / SNAPSHOTS)
                if not delay:
                    # The stack's 100 snapshots exist: a preview, and one that refreshes each first.
                    for preview in ("preview", "preview --refresh"):
                        times[preview].append(run([args.pulumi, *preview.split(), "--non-interactive", "--expect-no-changes",
                                                   "--parallel", str(PARALLEL)], project, env, "pulumi " + preview))
                emulator.reset(create_ms=0)
                run(destroy, project, env, "pulumi destroy")
    return ({d: statistics.median(t) for d, t in times.items()}, statistics.median(gets_per_snapshot), rss.peak_kib)


def train_class_data_archive(launcher, env):
    """Runs the launcher once as an engine's first start would, stops it after its first line, and waits
    for what that first run leaves for the next: the jars' copy that maps the package's own archive
    (linux_amd64), or, where no archive ships (a JDK on PATH), that door's archive, trained in the
    background. (Running the launcher with VPSSNAP_CDS_TRAINING=now is the trainer's own mode: it
    expects the lock its first run takes, and exits 1 without it.)"""
    door = "terraform" if "terraform-provider" in os.path.basename(launcher) else "pulumi"
    proc = subprocess.Popen([launcher], env={**os.environ, **env}, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    proc.stdout.readline()  # the port line (Pulumi), or nothing (Terraform without an engine)
    proc.kill()
    proc.wait()
    wait_for_class_data_archive(env["VPSSNAP_CACHE_DIR"], door)


def wait_for_class_data_archive(cache, door="", timeout_s=120):
    """What makes the next start fast, in the user's cache: a finished copy of the jars (the package
    ships its archive), or a trained archive (with a door, that door's: a cache holds one per door)."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        names = os.listdir(cache) if os.path.isdir(cache) else []
        staged = any(n.endswith(".lib") and os.path.exists(os.path.join(cache, n, ".complete")) for n in names)
        trained = any((f"-{door}-" in n if door else True) and n.endswith((".jsa", ".aot")) for n in names)
        if (staged or trained) and not any(n.endswith(".training") for n in names):
            return
        time.sleep(0.5)
    raise RuntimeError("the plugin's first run left neither a copy of the jars nor a trained archive in " + cache)
