"""make bench: start-up, throughput, polling and memory of vpssnap, side by side with Mastercard's
terraform-provider-restapi (a Go provider) driving the same emulator's Locaweb API.

Prints a Markdown table and, with --readme, writes it between the bench markers of that file (make bench: docs/guides/benchmarks.md).
Medians of interleaved runs: this machine is shared and noisy, so each figure is compared only
with figures from the same run. Usage (make bench passes these):
  bench.py --bin build/bin --emulator-jar J --tofu T --pulumi P --restapi R [--runs N] [--readme docs/guides/benchmarks.md]
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mirrors import init_times, unpack_release  # noqa: E402
from processes import Emulator  # noqa: E402
from report import table, write_readme  # noqa: E402
from workloads import pulumi_exit, pulumi_throughput, startup, tofu_throughput  # noqa: E402


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
