#!/usr/bin/env python3
"""The warm plugin server against cold starts, side by side in one run (make bench):

  server.py --dist D --emulator-jar J --tofu T --pulumi P --restapi R --version V [--terraform TF] [--readme F]

Every figure compares VPSSNAP_SERVER=off (a JVM per engine session, as today) with =on (the
user's warm server, started before anything is timed), on the released linux_amd64 package, and
with restapi (a Go plugin) where the engines' own cost is the yardstick:
- exec to handshake line (AutoMTLS, as tofu starts a plugin), medians of --runs interleaved starts;
- `tofu plan` and `terraform plan` of 100 existing snapshots, `tofu apply` of 100, `pulumi preview`
  of 100: medians of --throughput-runs interleaved runs;
- the server's resident memory (VmRSS) after 10 and after 100 sessions of `tofu plan`: a leak
  shows as growth.
Writes the table between <!-- bench-server:begin --> and <!-- bench-server:end --> of --readme.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mirrors import unpack_release  # noqa: E402
from processes import Emulator, run  # noqa: E402
from report import write_readme  # noqa: E402
from workloads import (SNAPSHOTS, pulumi_workspace, restapi_hcl, tofu_workspace,  # noqa: E402
                       train_class_data_archive, vpssnap_hcl)
from handshake import interleaved, terraform_env_with_client_cert  # noqa: E402

MODES = ("off", "on")


def mode_env(work, mode):
    """Both modes share the class-data archive; `on` has its own private runtime folder, so its own server."""
    return {"VPSSNAP_SERVER": mode, "VPSSNAP_CACHE_DIR": os.path.join(work, "cache"),
            "XDG_RUNTIME_DIR": os.path.join(work, "xdg-runtime"), "VPSSNAP_SERVER_IDLE": "600"}


def server_files(work):
    folder = os.path.join(work, "xdg-runtime", "vpssnap")
    names = os.listdir(folder) if os.path.isdir(folder) else []
    endpoint = next((os.path.join(folder, n) for n in names if n.endswith(".endpoint")), None)
    log = next((os.path.join(folder, n) for n in names if n.endswith(".log")), None)
    return endpoint, log


def start_server(work, launcher, env):
    """A first launcher starts the server (and runs cold); then wait for its endpoint file."""
    os.makedirs(os.path.join(work, "xdg-runtime"), mode=0o700, exist_ok=True)
    subprocess.run([launcher], env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        endpoint, _ = server_files(work)
        if endpoint:
            with open(endpoint) as f:
                return int(f.read().split()[2])
        time.sleep(0.05)
    raise RuntimeError("the warm server did not start")


def sessions(work):
    _, log = server_files(work)
    with open(log) as f:
        return len(re.findall(r"session \d+ \(\w+\) opened", f.read()))


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def handshakes(args, work, release):
    tf_env = terraform_env_with_client_cert(work)
    launcher = os.path.join(release, "terraform-provider-vpssnap")
    candidates = {f"terraform {mode}": ([launcher], {**tf_env, **mode_env(work, mode)}) for mode in MODES}
    candidates["restapi"] = ([args.restapi], {**tf_env, "PLUGIN_PROTOCOL_VERSIONS": "5"})
    medians, _ = interleaved(args.runs, candidates)
    return medians


def engines(args, work, release, emulator, server_pid):
    """Interleaved: for each round, each engine and each plugin (off, on, restapi): apply, plan, destroy."""
    overrides = {"vpssnap.dev/vpssnap/vpssnap": release}
    clis = [("tofu", args.tofu)] + ([("terraform", args.terraform)] if args.terraform else [])
    workspaces = {}
    for cli, _ in clis:
        for mode in MODES:
            d, env = tofu_workspace(work, f"{cli}-{mode}", overrides, vpssnap_hcl(emulator))
            workspaces[(cli, mode)] = (d, {**env, **mode_env(work, mode)})
        workspaces[(cli, "restapi")] = tofu_workspace(work, f"{cli}-restapi", {"mastercard/restapi": os.path.dirname(args.restapi)},
                                                      restapi_hcl(emulator))
    times = {}
    rss = {}
    for _ in range(args.throughput_runs):
        for (cli, binary) in clis:
            for plugin in ("off", "on", "restapi"):
                d, env = workspaces[(cli, plugin)]
                emulator.reset(create_ms=0)
                times.setdefault((cli, "apply", plugin), []).append(
                    run([binary, "apply", "-auto-approve", "-no-color"], d, env, f"{cli} apply ({plugin})"))
                if emulator.snapshot_count() != SNAPSHOTS:
                    raise RuntimeError(f"{cli} {plugin}: {emulator.snapshot_count()} snapshots after apply")
                times.setdefault((cli, "plan", plugin), []).append(
                    run([binary, "plan", "-detailed-exitcode", "-no-color"], d, env, f"{cli} plan ({plugin})"))
                run([binary, "destroy", "-auto-approve", "-no-color"], d, env, f"{cli} destroy ({plugin})")
    # Memory: the server after 10 sessions, then after 100 (plans of 100 existing snapshots).
    d, env = workspaces[("tofu", "on")]
    emulator.reset(create_ms=0)
    run([args.tofu, "apply", "-auto-approve", "-no-color"], d, env, "tofu apply (memory)")
    base = sessions(work)
    for target in (10, 100):
        while sessions(work) - base < target:
            run([args.tofu, "plan", "-no-color"], d, env, "tofu plan (memory)")
        time.sleep(3)  # the last session's end, and a quiet moment
        rss[target] = (sessions(work) - base, rss_kib(server_pid))
    run([args.tofu, "destroy", "-auto-approve", "-no-color"], d, env, "tofu destroy (memory)")
    return {k: statistics.median(v) for k, v in times.items()}, rss


def pulumi_previews(args, work, release, emulator):
    medians = {}
    samples = {mode: [] for mode in MODES}
    projects = {}
    for mode in MODES:
        project, env = pulumi_workspace(os.path.join(work, f"pulumi-{mode}"), emulator, args.pulumi, [release],
                                        mode_env(work, mode))
        run([args.pulumi, "stack", "init", "bench"], project, env, "stack init")
        run([args.pulumi, "config", "set", "vpssnap:locawebEndpoint", emulator.url + "/v1"], project, env, "config")
        run([args.pulumi, "config", "set", "--secret", "vpssnap:locawebToken", "lw-demo-token"], project, env, "config")
        projects[mode] = (project, env)
    emulator.reset(create_ms=0)
    for mode in MODES:
        project, env = projects[mode]
        run([args.pulumi, "up", "--yes", "--skip-preview", "--non-interactive", "--parallel", "32"], project, env, "pulumi up")
    for _ in range(args.throughput_runs):
        for mode in MODES:
            project, env = projects[mode]
            samples[mode].append(run([args.pulumi, "preview", "--non-interactive", "--expect-no-changes"], project, env,
                                     f"pulumi preview ({mode})"))
    for mode in MODES:
        project, env = projects[mode]
        run([args.pulumi, "destroy", "--yes", "--skip-preview", "--non-interactive", "--parallel", "32"], project, env, "pulumi destroy")
        medians[mode] = statistics.median(samples[mode])
    return medians


def table(hs, times, rss, previews, args):
    def ratio(a, b):
        return f"{a / b:.2f}×"

    def goal(value, limit):
        return f"≤ {limit:g}×: {'met' if value <= limit else 'missed'}"

    r = hs["restapi"]
    rows = [("Exec to handshake, Terraform plugin (AutoMTLS)", f"{hs['terraform off']:.0f} ms", f"{hs['terraform on']:.0f} ms",
             f"{r:.0f} ms", f"off {ratio(hs['terraform off'], r)}, on {ratio(hs['terraform on'], r)}", goal(hs["terraform on"] / r, 1))]
    for cli in ("tofu", "terraform"):
        for verb, limit in (("plan", 1.2), ("apply", 1.5)):
            key = (cli, verb, "on")
            if key not in times or (cli == "terraform" and verb == "apply"):
                continue
            off, on, peer = times[(cli, verb, "off")], times[key], times[(cli, verb, "restapi")]
            rows.append((f"`{cli} {verb}` of {SNAPSHOTS} {'existing ' if verb == 'plan' else ''}snapshots",
                         f"{off:.2f} s", f"{on:.2f} s", f"{peer:.2f} s",
                         f"off {ratio(off, peer)}, on {ratio(on, peer)}", goal(on / peer, limit) if cli == "tofu" else "report"))
    rows.append((f"`pulumi preview` of {SNAPSHOTS} existing snapshots", f"{previews['off']:.2f} s", f"{previews['on']:.2f} s",
                 "", f"on = {ratio(previews['on'], previews['off'])} off", "report"))
    (n10, kib10), (n100, kib100) = rss[10], rss[100]
    growth = kib100 / kib10 - 1
    rows.append((f"Server RSS after {n10} and after {n100} sessions", "", f"{kib10 / 1024:.0f} / {kib100 / 1024:.0f} MiB", "",
                 f"{growth * 100:+.1f}%", f"≤ +10%: {'met' if growth <= 0.10 else 'missed'}"))
    out = ["| measure | off (cold) | on (warm server) | restapi | ratios | target |", "|---|---|---|---|---|---|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    out.append("")
    out.append(f"Medians of {args.runs} interleaved starts and {args.throughput_runs} interleaved engine runs, the server "
               f"started before anything is timed; machine: {os.cpu_count()} cores; `make bench` on {time.strftime('%Y-%m-%d')}.")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser()
    for name in ("dist", "emulator-jar", "tofu", "pulumi", "restapi", "version"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--terraform")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--throughput-runs", type=int, default=3)
    parser.add_argument("--readme")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vpssnap-bench-server-")
    emulator = None
    server_pid = None
    try:
        unpack_release(args, work)
        release = os.path.join(work, "release")
        # Each door's class-data archive first, as a user's first run trains it; then the server.
        for launcher in ("terraform-provider-vpssnap", "pulumi-resource-vpssnap"):
            train_class_data_archive(os.path.join(release, launcher), mode_env(work, "off"))
        server_pid = start_server(work, os.path.join(release, "terraform-provider-vpssnap"), mode_env(work, "on"))
        print("handshakes ...", file=sys.stderr)
        hs = handshakes(args, work, release)
        emulator = Emulator(args.emulator_jar)
        print("tofu and terraform ...", file=sys.stderr)
        times, rss = engines(args, work, release, emulator, server_pid)
        print("pulumi preview ...", file=sys.stderr)
        previews = pulumi_previews(args, work, release, emulator)
        text = table(hs, times, rss, previews, args)
        print(text)
        if args.readme:
            write_readme(args.readme, text, marker="bench-server")
    finally:
        if emulator:
            emulator.close()
        if server_pid:
            try:
                os.kill(server_pid, 9)
            except OSError:
                pass
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
