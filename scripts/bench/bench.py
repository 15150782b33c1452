"""make bench: start-up, throughput, polling and memory of vpssnap, side by side with Mastercard's
terraform-provider-restapi (a Go provider) driving the same emulator's Locaweb API.

Prints a Markdown table and, with --readme, writes it between the bench markers of that file (make bench: docs/guides/benchmarks.md).
Medians of interleaved runs: this machine is shared and noisy, so each figure is compared only
with figures from the same run. Usage (make bench passes these):
  bench.py --bin build/bin --emulator-jar J --tofu T --pulumi P --restapi R [--runs N] [--readme docs/guides/benchmarks.md]
"""
import argparse
import functools
import http.server
import json
import math
import os
import re
import shutil
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from handshake import interleaved, terraform_env_with_client_cert  # noqa: E402

SNAPSHOTS = 100
PARALLEL = 32
CREATE_DELAY_S = 2


class Emulator:
    """The vpssnap emulator as a child process on a free loopback port."""

    def __init__(self, jar):
        self.proc = subprocess.Popen(["java", "-jar", jar, "--port", "0"], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        self.url = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)

    def control(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + "/_emulator" + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as answer:
            text = answer.read()
            return json.loads(text) if text else None

    def reset(self, create_ms=0):
        self.control("POST", "/reset")
        self.control("PUT", "/timing", {"createMs": create_ms, "deleteMs": 0, "revertMs": 0, "restoreMs": 0})

    def snapshot_count(self):
        state = self.control("GET", "/state")
        return sum(len(s["snapshots"]) for cloud in ("locaweb", "vpsorg") for s in state[cloud]["servers"])

    def requests(self):
        return self.control("GET", "/requests")

    def close(self):
        self.proc.terminate()
        self.proc.wait()


class PeakRss:
    """Peak resident memory (VmHWM) of every process whose command line contains a marker, sampled
    every 100 ms from /proc. VmHWM is the kernel's own high-water mark, so sampling loses nothing
    but the last interval of a process's life."""

    def __init__(self, marker, exclude="CdsTraining"):
        self.marker = marker.encode()
        # The launcher's one-time class-data training is not the plugin at work: left out.
        self.exclude = exclude.encode()
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as f:
                        cmdline = f.read()
                        if self.marker not in cmdline or self.exclude in cmdline:
                            continue
                    with open(f"/proc/{pid}/status") as f:
                        for line in f:
                            if line.startswith("VmHWM:"):
                                self.peak_kib = max(self.peak_kib, int(line.split()[1]))
                except OSError:
                    pass
            self._stop.wait(0.1)


def run(command, cwd, env, what):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


# ---------------------------------------------------------------------------------------- start-up

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


class LineServer:
    """A loopback server that answers every connection with one handshake-shaped line at once:
    the other end of the warm-server floor."""

    def __enter__(self):
        import socket
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        return self

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"1|6|tcp|127.0.0.1:1|grpc\n")

    def __exit__(self, *exc):
        self.sock.close()


def unpack_release(args, work):
    """The released package (dist/), both names of the launcher beside lib/ and runtime/."""
    release = os.path.join(work, "release")
    os.makedirs(release)
    tarball = os.path.join(args.dist, "pulumi", f"pulumi-resource-vpssnap-v{args.version}-linux-amd64.tar.gz")
    subprocess.run(["tar", "-xzf", tarball, "-C", release], check=True)
    shutil.copy(os.path.join(release, "pulumi-resource-vpssnap"), os.path.join(release, "terraform-provider-vpssnap"))
    return release


# ------------------------------------------------------------------------------------------- init

class QuietFileHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that keeps its request log off the bench's output."""

    def log_message(self, *args):
        pass


def init_times(args, work):
    """`tofu init` of the released provider from each mirror, medians of fresh inits (no .terraform,
    no lock file): the filesystem mirror, and the network mirror served over HTTPS on loopback; and,
    when the release was signed (make dist GPG_KEY=...), from the registry by the source address alone,
    served the same way, with a `host` block standing in for DNS (the signature is checked each time)."""
    d = os.path.join(work, "init")
    os.makedirs(d)
    ca_key, ca, key, cert = (os.path.join(d, n) for n in ("ca.key", "ca.pem", "server.key", "server.pem"))
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
                    "-subj", "/CN=bench CA", "-keyout", ca_key, "-out", ca, "-addext", "basicConstraints=critical,CA:TRUE"],
                   check=True, capture_output=True)
    ext = os.path.join(d, "server.ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    subprocess.run(["openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=127.0.0.1",
                    "-keyout", key, "-out", os.path.join(d, "server.csr")], check=True, capture_output=True)
    subprocess.run(["openssl", "x509", "-req", "-in", os.path.join(d, "server.csr"), "-CA", ca, "-CAkey", ca_key,
                    "-CAcreateserial", "-days", "1", "-extfile", ext, "-out", cert], check=True, capture_output=True)
    mirror = os.path.join(args.dist, "terraform-network-mirror")
    handler = functools.partial(QuietFileHandler, directory=mirror)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    servers = [httpd]
    registry = os.path.join(args.dist, "terraform-registry")
    hosts = ""
    if os.path.isdir(registry):
        registry_httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietFileHandler, directory=registry))
        registry_httpd.socket = tls.wrap_socket(registry_httpd.socket, server_side=True)
        threading.Thread(target=registry_httpd.serve_forever, daemon=True).start()
        servers.append(registry_httpd)
        hosts = 'host "vpssnap.dev" {\n  services = { "providers.v1" = "https://127.0.0.1:%d/v1/providers/" }\n}\n' \
                % registry_httpd.server_address[1]
    configs = {
        "filesystem": 'filesystem_mirror {\n    path = "%s"\n    include = ["vpssnap.dev/*/*"]\n  }'
                      % os.path.join(args.dist, "terraform-mirror"),
        "network": 'network_mirror {\n    url = "https://127.0.0.1:%d/"\n    include = ["vpssnap.dev/*/*"]\n  }'
                   % httpd.server_address[1],
    }
    if hosts:
        configs["registry"] = "direct {}"
    times = {name: [] for name in configs}
    try:
        for _ in range(args.throughput_runs + 2):
            for name, block in configs.items():
                ws = os.path.join(d, name)
                shutil.rmtree(ws, ignore_errors=True)
                os.makedirs(ws)
                rc = os.path.join(ws, "cli.tfrc")
                with open(rc, "w") as f:
                    if name == "registry":
                        f.write(hosts + "provider_installation {\n  direct {}\n}\n")
                    else:
                        f.write("provider_installation {\n  %s\n  direct { exclude = [\"vpssnap.dev/*/*\"] }\n}\n" % block)
                with open(os.path.join(ws, "main.tf"), "w") as f:
                    f.write('terraform {\n  required_providers {\n    vpssnap = { source = "vpssnap.dev/vpssnap/vpssnap" }\n  }\n}\n')
                env = {"TF_CLI_CONFIG_FILE": rc, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1", "SSL_CERT_FILE": ca}
                times[name].append(run([args.tofu, "init", "-no-color"], ws, env, f"tofu init ({name} mirror)"))
    finally:
        for server in servers:
            server.shutdown()
    return {name: statistics.median(t) for name, t in times.items()}


# -------------------------------------------------------------------------------------- throughput

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


def pulumi_throughput(args, work, emulator):
    """`pulumi up --parallel 32` of 100 snapshots at a 2 s create delay and at zero (the engine's
    own overhead); GETs per snapshot at 2 s; the plugin's peak RSS."""
    d = os.path.join(work, "pulumi")
    home, state = os.path.join(d, "home"), os.path.join(d, "state")
    project = os.path.join(d, "project")
    for p in (home, state, project):
        os.makedirs(p)
    with open(os.path.join(project, "Pulumi.yaml"), "w") as f:
        f.write(pulumi_program(emulator))
    env = {"PULUMI_HOME": home, "PULUMI_BACKEND_URL": "file://" + state, "PULUMI_CONFIG_PASSPHRASE": "bench",
           "PULUMI_SKIP_UPDATE_CHECK": "true", "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
           "PATH": os.path.dirname(args.pulumi) + ":" + os.environ["PATH"], "NO_COLOR": "1",
           "VPSSNAP_CACHE_DIR": os.path.join(d, "cache")}
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


# ------------------------------------------------------------------------------------------- table

def goal(value, limit):
    """The target column: the goal, and whether this run met it."""
    return f"≤ {limit:g}×: {'met' if value <= limit else 'missed'}"


def table(start, inits, exit_ms, tofu_times, tofu_requests, tofu_rss, pulumi_times, gets, pulumi_rss, args):
    restapi = start["restapi"]
    bound = math.ceil(SNAPSHOTS / PARALLEL) * CREATE_DELAY_S + pulumi_times[0]
    pulumi_ratio, terraform_ratio = start["pulumi"] / restapi, start["terraform"] / restapi
    floor_java, floor_warm = start["floor: trivial Java main, bundled runtime"], start["floor: bash hand-off to a warm server"]
    rows = [
        ("Start-up, exec to handshake: Pulumi plugin", f"{start['pulumi']:.0f} ms", f"{pulumi_ratio:.1f}× restapi ({restapi:.0f} ms)", goal(pulumi_ratio, 4)),
        ("Start-up: Terraform plugin (AutoMTLS, as tofu starts it)", f"{start['terraform']:.0f} ms", f"{terraform_ratio:.1f}× restapi", goal(terraform_ratio, 4)),
        ("  floor: a trivial Java main on the bundled runtime (prints the line, nothing else)", f"{floor_java:.0f} ms",
         f"{floor_java / restapi:.1f}× restapi", ""),
        ("  floor of a warm per-user server: bash reads the line over loopback", f"{floor_warm:.0f} ms",
         f"{floor_warm / restapi:.1f}× restapi", ""),
        ("  runtime: the same launchers on the JDK 17 on PATH (Pulumi / Terraform)",
         f"{start['pulumi, JDK 17 on PATH']:.0f} / {start['terraform, JDK 17 on PATH']:.0f} ms",
         f"bundled runtime = {start['pulumi'] / start['pulumi, JDK 17 on PATH']:.2f} / {start['terraform'] / start['terraform, JDK 17 on PATH']:.2f} of it", ""),
        ("  lever AppCDS: Pulumi / Terraform without the archive", f"{start['pulumi, no AppCDS']:.0f} / {start['terraform, no AppCDS']:.0f} ms",
         f"archive saves {start['pulumi, no AppCDS'] - start['pulumi']:.0f} / {start['terraform, no AppCDS'] - start['terraform']:.0f} ms", ""),
        ("  lever JVM flags: Pulumi, default flags, no archive", f"{start['pulumi, default JVM flags, no AppCDS']:.0f} ms",
         f"SerialGC + C1 save {start['pulumi, default JVM flags, no AppCDS'] - start['pulumi, no AppCDS']:.0f} ms", ""),
        ("`tofu init` of the release: filesystem / network mirror (HTTPS, loopback)"
         + (" / registry (HTTPS, loopback, signature checked)" if "registry" in inits else ""),
         " / ".join(f"{inits[k]:.2f}" for k in ("filesystem", "network", "registry") if k in inits) + " s", "", ""),
        *engine_rows(tofu_times),
        ("  HTTP requests in a 100-snapshot apply (vpssnap / restapi)", f"{tofu_requests['vpssnap']} / {tofu_requests['restapi']}", "", ""),
        ("Plugin exit: SIGINT (how the engine stops it) to exit, Pulumi plugin", f"{exit_ms:.0f} ms", "", ""),
        (f"`pulumi preview --refresh` of {SNAPSHOTS} existing snapshots", f"{pulumi_times['preview --refresh']:.1f} s",
         f"{pulumi_times['preview --refresh'] / pulumi_times['preview']:.2f}× `pulumi preview` ({pulumi_times['preview']:.1f} s)", "report"),
        (f"`pulumi up --parallel {PARALLEL}` of {SNAPSHOTS}, {CREATE_DELAY_S} s create delay", f"{pulumi_times[CREATE_DELAY_S]:.1f} s",
         f"{pulumi_times[CREATE_DELAY_S] / bound:.2f}× bound {bound:.1f} s (= {math.ceil(SNAPSHOTS / PARALLEL)} × {CREATE_DELAY_S} s + {pulumi_times[0]:.1f} s at zero delay)",
         goal(pulumi_times[CREATE_DELAY_S] / bound, 1.3)),
        (f"GETs per created snapshot at {CREATE_DELAY_S} s delay", f"{gets:.2f}", "", f"≤ 6: {'met' if gets <= 6 else 'missed'}"),
        ("Peak RSS of the plugin, tofu and terraform runs", f"{tofu_rss / 1024:.0f} MiB", "",
         f"≤ 160 MB: {'met' if tofu_rss * 1024 <= 160e6 else 'missed'}"),
        ("Peak RSS of the plugin, pulumi runs", f"{pulumi_rss / 1024:.0f} MiB", "",
         f"≤ 160 MB: {'met' if pulumi_rss * 1024 <= 160e6 else 'missed'}"),
    ]
    out = ["| measure | vpssnap | compared | target |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    out.append("")
    out.append(f"Medians of {args.runs} interleaved start-up runs and {args.throughput_runs} interleaved throughput runs; "
               f"machine: {os.cpu_count()} cores; `make bench` on {time.strftime('%Y-%m-%d')}.")
    return "\n".join(out)


def engine_rows(times):
    """Apply and plan of 100, for tofu and (when given) HashiCorp terraform, against restapi."""
    rows = []
    for engine in ("", "terraform "):
        if engine + "vpssnap" not in times:
            continue
        cli = engine.strip() or "tofu"
        ours, peer = times[engine + "vpssnap"], times[engine + "restapi"]
        rows.append((f"`{cli} apply` of {SNAPSHOTS} snapshots, zero delay", f"{ours:.1f} s",
                     f"{ours / peer:.2f}× restapi ({peer:.1f} s)", goal(ours / peer, 2)))
        ours, peer = times["plan " + engine + "vpssnap"], times["plan " + engine + "restapi"]
        rows.append((f"`{cli} plan` (refresh) of the {SNAPSHOTS} existing snapshots", f"{ours:.1f} s",
                     f"{ours / peer:.2f}× restapi ({peer:.1f} s)", goal(ours / peer, 1.5)))
    return rows


def write_readme(path, text, marker="bench"):
    """Replaces what stands between the file's <!-- MARKER:begin --> and <!-- MARKER:end --> lines."""
    with open(path) as f:
        readme = f.read()
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    if begin not in readme:
        raise RuntimeError(f"{path} has no {begin} … {end} markers")
    head, rest = readme.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w") as f:
        f.write(head + begin + "\n" + text + "\n" + end + tail)


def main():
    parser = argparse.ArgumentParser()
    for name in ("bin", "dist", "emulator-jar", "tofu", "pulumi", "restapi", "version"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--terraform", help="HashiCorp terraform, for its apply and plan beside tofu's")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--throughput-runs", type=int, default=3)
    parser.add_argument("--readme")
    parser.add_argument("--only", choices=["startup"], help="the start-up part alone (the smoke run)")
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    # These are the cold figures (a JVM per engine session); server.py measures the warm server beside them.
    os.environ["VPSSNAP_SERVER"] = "off"
    work = tempfile.mkdtemp(prefix="vpssnap-bench-")
    emulator = None
    try:
        unpack_release(args, work)
        print("start-up ...", file=sys.stderr)
        start = startup(args, work)
        if args.only == "startup":
            print(json.dumps(start, indent=2))
            return
        emulator = Emulator(args.emulator_jar)
        exit_ms = pulumi_exit(args, work)
        print("tofu init from the mirrors ...", file=sys.stderr)
        inits = init_times(args, work)
        print("tofu apply, vpssnap and restapi ...", file=sys.stderr)
        tofu_times, tofu_requests, tofu_rss = tofu_throughput(args, work, emulator)
        print("pulumi up ...", file=sys.stderr)
        pulumi_times, gets, pulumi_rss = pulumi_throughput(args, work, emulator)
        text = table(start, inits, exit_ms, tofu_times, tofu_requests, tofu_rss, pulumi_times, gets, pulumi_rss, args)
        print(text)
        if args.readme:
            write_readme(args.readme, text)
    finally:
        if emulator:
            emulator.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
