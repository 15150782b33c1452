#!/usr/bin/env python3
"""A drift check on a fresh CI runner, vpssnap beside restapi (a Go provider), in one run (make bench):

  fresh.py --dist D --emulator-jar J --tofu T --restapi R --version V [--runs N] [--readme F]

A fresh runner has an empty HOME (so no class-data archive, no warm server), CI=true, and a
workspace whose state is present: each run is `tofu init` from a packed filesystem mirror (the
release's own for vpssnap; restapi's binary zipped and laid out the same way), then
`tofu plan -detailed-exitcode` of SNAPSHOTS existing snapshots, which must find no change.
vpssnap runs with each server setting (off: the CI default, a JVM per engine session; on, with a
60 s idle time so that nothing outlives a job by much); a server a run started is stopped before the
next run. Medians of --runs interleaved rounds. Then the first start of the linux_amd64 package with an
empty cache against a later one (exec to the Terraform handshake). Writes the tables between <!-- bench-fresh:begin -->
and <!-- bench-fresh:end --> of --readme.
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from processes import Emulator, run  # noqa: E402
from report import goal, write_readme  # noqa: E402
from handshake import terraform_env_with_client_cert, time_to_handshake  # noqa: E402

SNAPSHOTS = 20
RESTAPI_VERSION = "1.20.0"
SERVER = "cpro0299"
CANDIDATES = {
    "vpssnap, server off (CI default)": ("vpssnap", {"VPSSNAP_SERVER": "off"}),
    "vpssnap, server on (idle 60 s)": ("vpssnap", {"VPSSNAP_SERVER": "on", "VPSSNAP_SERVER_IDLE": "60"}),
    "restapi": ("restapi", {}),
}


def restapi_mirror(work, restapi):
    """restapi's binary as a packed filesystem mirror: HOST/NAMESPACE/TYPE/terraform-provider-TYPE_VERSION_TARGET.zip."""
    mirror = os.path.join(work, "restapi-mirror")
    folder = os.path.join(mirror, "registry.opentofu.org", "mastercard", "restapi")
    os.makedirs(folder)
    with zipfile.ZipFile(os.path.join(folder, f"terraform-provider-restapi_{RESTAPI_VERSION}_linux_amd64.zip"), "w",
                         zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo(f"terraform-provider-restapi_v{RESTAPI_VERSION}", date_time=(2020, 1, 1, 0, 0, 0))
        info.external_attr = 0o755 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(restapi, "rb") as f:
            z.writestr(info, f.read())
    return mirror


def hcl(provider, emulator):
    if provider == "vpssnap":
        return ('terraform {\n  required_providers {\n    vpssnap = { source = "vpssnap.dev/vpssnap/vpssnap" }\n  }\n}\n'
                f'provider "vpssnap" {{\n  locaweb_endpoint = "{emulator.url}/v1"\n  locaweb_token = "lw-demo-token"\n}}\n'
                f'resource "vpssnap_locaweb_snapshot" "s" {{\n  count = {SNAPSHOTS}\n  server = "{SERVER}"\n'
                '  name = "fresh-${count.index}"\n}\n')
    return ('terraform {\n  required_providers {\n    restapi = { source = "mastercard/restapi" }\n  }\n}\n'
            f'provider "restapi" {{\n  uri = "{emulator.url}/v1"\n  id_attribute = "data/id"\n'
            '  write_returns_object = true\n  headers = { "X-Auth-Token" = "lw-demo-token" }\n}\n'
            f'resource "restapi_object" "s" {{\n  count = {SNAPSHOTS}\n  path = "/cloud/servers/{SERVER}/snapshots"\n'
            '  data = jsonencode({ data = { type = "snapshots", attributes = { name = "fresh-${count.index}" } } })\n}\n')


class Workspace:
    """One provider's configuration and the state of its SNAPSHOTS existing snapshots, made once by an
    apply (not timed); each timed run copies them into a new folder with a new, empty HOME."""

    def __init__(self, work, name, provider, mirror, source, emulator, tofu):
        self.root = os.path.join(work, name)
        self.template = os.path.join(self.root, "template")
        os.makedirs(self.template)
        self.rc = os.path.join(self.root, "cli.tfrc")
        with open(self.rc, "w") as f:
            f.write('provider_installation {\n  filesystem_mirror {\n    path = "%s"\n    include = ["%s"]\n  }\n}\n'
                    % (mirror, source))
        with open(os.path.join(self.template, "main.tf"), "w") as f:
            f.write(hcl(provider, emulator))
        self.tofu = tofu
        self.runs = 0
        # The state, made with a warm cache and the server off: the timed runs start from it.
        setup = self.env(os.path.join(self.root, "setup-home"), {"VPSSNAP_SERVER": "off"})
        run([tofu, "init", "-no-color"], self.template, setup, f"{name}: init")
        run([tofu, "apply", "-auto-approve", "-no-color"], self.template, setup, f"{name}: apply")
        shutil.rmtree(os.path.join(self.template, ".terraform"))

    def env(self, home, extra):
        return {"HOME": home, "CI": "true", "TF_CLI_CONFIG_FILE": self.rc, "TF_IN_AUTOMATION": "1", "TF_INPUT": "0",
                "CHECKPOINT_DISABLE": "1", "XDG_CACHE_HOME": "", "XDG_RUNTIME_DIR": "", "VPSSNAP_CACHE_DIR": "", **extra}

    def fresh_run(self, extra):
        """Seconds of `tofu init` and of `tofu plan` on a fresh runner; a server it started is then stopped."""
        self.runs += 1
        d = os.path.join(self.root, f"run-{self.runs}")
        home = os.path.join(d, "home")
        shutil.copytree(self.template, os.path.join(d, "ws"))
        os.makedirs(home)
        env = {k: v for k, v in self.env(home, extra).items() if v != ""}
        clean = {k: v for k, v in os.environ.items()
                 if k not in ("XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "VPSSNAP_CACHE_DIR", "VPSSNAP_SERVER")}
        ws = os.path.join(d, "ws")
        try:
            init = timed([self.tofu, "init", "-no-color"], ws, {**clean, **env}, "init")
            plan = timed([self.tofu, "plan", "-detailed-exitcode", "-no-color"], ws, {**clean, **env}, "plan")
        finally:
            stop_servers(home)
        shutil.rmtree(d, ignore_errors=True)
        return init, plan


def timed(command, cwd, env, what):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:  # a drift check that finds drift (exit 2) is a failed measurement
        raise RuntimeError(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def stop_servers(home):
    """Ends the warm servers a run started (their endpoint files, under HOME's cache, name their pids)."""
    folder = os.path.join(home, ".cache", "vpssnap", "server")
    if not os.path.isdir(folder):
        return
    for name in os.listdir(folder):
        if name.endswith(".endpoint"):
            with open(os.path.join(folder, name)) as f:
                pid = int(f.read().split()[2])  # socket, secret, pid (docs/guides/server.md)
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def first_and_later_starts(args, work, runs):
    """Exec to the Terraform handshake (AutoMTLS, as tofu starts it) of the released linux_amd64
    package: the first start with an empty cache (a fresh runner's), then a later one; medians of runs."""
    package = os.path.join(work, "package")
    with zipfile.ZipFile(os.path.join(args.dist, "terraform", f"terraform-provider-vpssnap_{args.version}_linux_amd64.zip")) as z:
        for info in z.infolist():
            z.extract(info, package)
            os.chmod(os.path.join(package, info.filename), (info.external_attr >> 16) & 0o777 or 0o644)
    launcher = os.path.join(package, f"terraform-provider-vpssnap_v{args.version}")
    env = {**terraform_env_with_client_cert(work), "VPSSNAP_SERVER": "off"}
    first, later = [], []
    for n in range(runs):
        cache = {**env, "VPSSNAP_CACHE_DIR": os.path.join(work, f"start-cache-{n}")}
        first.append(time_to_handshake([launcher], cache) * 1000)
        later.append(time_to_handshake([launcher], cache) * 1000)
    return statistics.median(first), statistics.median(later)


def table(medians, starts, args):
    peer = medians["restapi"]
    rows = []
    for name in CANDIDATES:
        init, plan, both = medians[name]
        if name == "restapi":
            rows.append((name, f"{init:.2f} s", f"{plan:.2f} s", f"{both:.2f} s", "", ""))
        else:
            rows.append((name, f"{init:.2f} s ({init / peer[0]:.1f}×)", f"{plan:.2f} s ({plan / peer[1]:.1f}×)",
                         f"{both:.2f} s ({both / peer[2]:.1f}×)", goal(init / peer[0], 2), goal(both / peer[2], 2)))
    out = [f"| fresh runner, {SNAPSHOTS} existing snapshots | `tofu init` | `tofu plan` | init + plan | init target | init + plan target |",
           "|---|---|---|---|---|---|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    first, later = starts
    out.append("")
    out.append("| linux_amd64 package, exec to handshake (AutoMTLS) | first start, empty cache | a later start | ratio | target |")
    out.append("|---|---|---|---|---|")
    out.append(f"| the shipped class-data archive | {first:.0f} ms | {later:.0f} ms | {first / later:.2f}× | {goal(first / later, 1.5)} |")
    out.append("")
    out.append(f"Ratios are to restapi's in the same run. Medians of {args.runs} interleaved rounds (start-up: {3 * args.runs}); empty HOME, CI=true, "
               f"init from a packed filesystem mirror; machine: {os.cpu_count()} cores; `make bench` on {time.strftime('%Y-%m-%d')}.")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser()
    for name in ("dist", "emulator-jar", "tofu", "restapi", "version"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--readme")
    args = parser.parse_args()
    args.tofu, args.restapi = os.path.abspath(args.tofu), os.path.abspath(args.restapi)
    work = tempfile.mkdtemp(prefix="vpssnap-fresh-")
    emulator = Emulator(args.emulator_jar)
    try:
        emulator.reset(create_ms=0)
        ours = Workspace(work, "vpssnap", "vpssnap", os.path.abspath(os.path.join(args.dist, "terraform-mirror")),
                         "vpssnap.dev/*/*", emulator, args.tofu)
        peer = Workspace(work, "restapi", "restapi", restapi_mirror(work, args.restapi), "registry.opentofu.org/mastercard/*",
                         emulator, args.tofu)
        samples = {name: [] for name in CANDIDATES}
        for _ in range(args.runs):
            for name, (provider, extra) in CANDIDATES.items():
                samples[name].append((ours if provider == "vpssnap" else peer).fresh_run(extra))
        medians = {name: tuple(statistics.median(s[i] for s in runs) for i in (0, 1)) + (statistics.median(sum(s) for s in runs),)
                   for name, runs in samples.items()}
        starts = first_and_later_starts(args, work, 3 * args.runs)
        text = table(medians, starts, args)
        print(text)
        if args.readme:
            write_readme(args.readme, text, "bench-fresh")
    finally:
        emulator.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
