"""The benchmarks guide's tables: goals, the start-up and throughput table, and writing a table between
a file's markers."""
import math
import os
import time

from workloads import CREATE_DELAY_S, PARALLEL, SNAPSHOTS


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
