"""make bench-component: `pulumi up` of the RollbackPoints stack (examples/rollback-points) in each
language, and what Construct adds to plain snapshot resources.

Every run is against one emulator with the same delays, from a stack whose plugin and class-data
archive are already warm (one untimed up and destroy first), interleaved across languages so that
the shared machine's noise spreads evenly. Prints a Markdown table and, with --readme, writes it
between the component-bench markers of that file (docs/guides/benchmarks.md). Usage (make bench-component passes these):
  component.py --dist D --emulator-jar J --pulumi P --python PY --go-program G --version V [--runs N] [--readme R]
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from processes import Emulator, run  # noqa: E402
from report import write_readme  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples", "rollback-points")
LANGUAGES = ["yaml", "typescript", "python", "go", "java"]
CREATE_MS = 1000
CHECKPOINTS = "before-nginx,before-php"
# The same two snapshots as the component stack with one checkpoint per server, as plain resources.
PLAIN_PROGRAM = """name: vpssnap-bench-plain
runtime: yaml
resources:
  web-before-nginx:
    type: vpssnap:locaweb:Snapshot
    properties: {server: cpro0299, name: before-nginx, description: Rollback point before-nginx, revertTrigger: ""}
  db-before-nginx:
    type: vpssnap:vpsorg:Snapshot
    properties: {serverId: 12345, name: before-nginx, description: Rollback point before-nginx, revertTrigger: ""}
"""


class Stack:
    """One project in its own PULUMI_HOME and backend, with the plugin installed from dist/."""

    def __init__(self, args, work, name, emulator, source=None, program=None, config=()):
        d = os.path.join(work, name)
        self.home, state, self.project = (os.path.join(d, p) for p in ("home", "state", "project"))
        os.makedirs(self.home)
        os.makedirs(state)
        if source:
            shutil.copytree(source, self.project, ignore=shutil.ignore_patterns("node_modules", "bin", "target", "Pulumi.*.yaml"))
        else:
            os.makedirs(self.project)
            with open(os.path.join(self.project, "Pulumi.yaml"), "w") as f:
                f.write(program)
        self.pulumi = args.pulumi
        self.env = {"PULUMI_HOME": self.home, "PULUMI_BACKEND_URL": "file://" + state, "PULUMI_CONFIG_PASSPHRASE": "bench",
                    "PULUMI_SKIP_UPDATE_CHECK": "true", "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
                    "PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK": "true", "NO_COLOR": "1",
                    "PATH": os.path.dirname(args.pulumi) + ":" + os.environ["PATH"],
                    "VPSSNAP_CACHE_DIR": os.path.join(d, "cache")}
        tarball = os.path.join(args.dist, "pulumi", f"pulumi-resource-vpssnap-v{args.version}-linux-amd64.tar.gz")
        self.cli("plugin", "install", "resource", "vpssnap", args.version, "--file", tarball)
        self.cli("stack", "init", "dev")  # the Automation API scripts select "dev" by default
        settings = [("vpssnap:locawebEndpoint", emulator.url + "/v1"), ("vpssnap:vpsorgEndpoint", emulator.url + "/api/v1")]
        for key, value in settings + list(config):
            self.cli("config", "set", key, value)
        for key, value in (("vpssnap:locawebToken", "lw-demo-token"), ("vpssnap:vpsorgToken", "vps-demo-token")):
            self.cli("config", "set", "--secret", key, value)

    def cli(self, *arguments):
        return run([self.pulumi, *arguments, "--non-interactive"] if arguments[0] in ("up", "destroy") else
                   [self.pulumi, *arguments], self.project, self.env, "pulumi " + arguments[0])


def operation(args, language, stack, what):
    """Seconds for one up or destroy of the language's program."""
    if language in ("yaml", "java", None):
        return stack.cli(what, "--yes", "--skip-preview")
    launcher = {"typescript": ["node", os.path.join(EXAMPLES, "typescript", "bin", "automation.js")],
                "python": [args.python, os.path.join(EXAMPLES, "python", "automation.py")],
                "go": [args.go_program]}[language]
    return run(launcher + [what], stack.project, stack.env, f"{language} {what}")


def timed_up(args, language, stack, emulator, expected):
    emulator.reset(create_ms=CREATE_MS)
    seconds = operation(args, language, stack, "up")
    if emulator.snapshot_count() != expected:
        raise RuntimeError(f"{language}: {emulator.snapshot_count()} snapshots after up, not {expected}")
    operation(args, language, stack, "destroy")
    return seconds


def main():
    parser = argparse.ArgumentParser()
    for name in ("dist", "emulator-jar", "pulumi", "python", "go-program", "version"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--readme")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vpssnap-bench-component-")
    emulator = Emulator(args.emulator_jar)
    try:
        stacks = {language: Stack(args, work, language, emulator, source=os.path.join(EXAMPLES, language),
                                  config=[("keep", "2"), ("checkpoints", CHECKPOINTS)]) for language in LANGUAGES}
        one_point = Stack(args, work, "one-point", emulator, source=os.path.join(EXAMPLES, "yaml"),
                          config=[("keep", "1"), ("checkpoints", "before-nginx")])
        plain = Stack(args, work, "plain", emulator, program=PLAIN_PROGRAM)
        cases = [(language, stacks[language], 4) for language in LANGUAGES] + [("one-point", one_point, 2), ("plain", plain, 2)]
        # Untimed: trains the plugin's class-data archive, compiles the Java program, fills caches.
        for name, stack, expected in cases:
            print(f"warm-up: {name}", file=sys.stderr)
            timed_up(args, name if name in LANGUAGES else None, stack, emulator, expected)
        times = {name: [] for name, _, _ in cases}
        for i in range(args.runs):
            for name, stack, expected in cases:
                print(f"run {i + 1}/{args.runs}: {name}", file=sys.stderr)
                times[name].append(timed_up(args, name if name in LANGUAGES else None, stack, emulator, expected))
        text = table(times, args.runs)
        print(text)
        if args.readme:
            write_readme(args.readme, text, marker="component-bench")
    finally:
        emulator.close()
        shutil.rmtree(work, ignore_errors=True)


def table(times, runs):
    def cell(name):
        return f"{statistics.median(times[name]):.1f} s ({', '.join(f'{t:.1f}' for t in times[name])})"
    how = {"yaml": "`pulumi up` (pulumi-language-yaml)", "java": "`pulumi up` (pulumi-language-java: Maven compile + run)",
           "typescript": "Automation API, inline (`node bin/automation.js up`)",
           "python": "Automation API, inline (`python automation.py up`)", "go": "Automation API, inline (compiled program)"}
    lines = [f"`make bench-component`: one `up` creates 2 RollbackPoints × 2 checkpoints (4 snapshots) on one emulator "
             f"(create {CREATE_MS} ms, the rest 0); median of {runs} runs after an untimed warm-up, runs in brackets.", "",
             "| language | how it runs | `up` |", "| --- | --- | --- |"]
    lines += [f"| {language} | {how[language]} | {cell(language)} |" for language in LANGUAGES]
    construct = statistics.median(times["one-point"]) - statistics.median(times["plain"])
    lines += ["", "What Construct adds (YAML, same 2 snapshots, same delay):", "",
              "| stack | `up` |", "| --- | --- |",
              f"| 2 plain snapshot resources | {cell('plain')} |",
              f"| 2 RollbackPoints, 1 checkpoint each (2 components + the same 2 snapshots) | {cell('one-point')} |",
              f"| difference: Construct and the 2 component resources | {construct:+.1f} s |"]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
