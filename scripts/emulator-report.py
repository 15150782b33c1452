#!/usr/bin/env python3
"""Prints what the emulator holds (`state`) or which write calls it received (`writes`)."""
import collections
import json
import sys
import urllib.request


def fetch(url):
    with urllib.request.urlopen(url) as answer:
        return json.load(answer)


def state(base):
    dump = fetch(base + "/_emulator/state")
    lines = []
    for cloud in ("locaweb", "vpsorg"):
        for server in dump[cloud]["servers"]:
            for snapshot in server["snapshots"]:
                fields = snapshot.get("attributes", snapshot)
                lines.append(f"  {cloud:8} server {server['name']}: snapshot {snapshot['id']} "
                             f"{fields['name']!r} {fields['status']}")
    print("\n".join(lines) if lines else "  (no snapshots)")


def writes(base):
    calls = collections.Counter(f"{r['method']} {r['path']}" for r in fetch(base + "/_emulator/requests")
                                if r["method"] != "GET")
    for call, count in sorted(calls.items()):
        print(f"  {count} x {call}")
    urllib.request.urlopen(urllib.request.Request(base + "/_emulator/requests", method="DELETE"))


if __name__ == "__main__":
    {"state": state, "writes": writes}[sys.argv[1]](sys.argv[2])
