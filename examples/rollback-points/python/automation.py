"""Runs a program of this directory through Pulumi's Automation API, inline:

    python automation.py [--program rollback-points|snapshots] up|preview|destroy [STACK]

in the project directory (its stack, config and backend are the ones `pulumi` uses there). The
engine talks to this process, so no pulumi-language-python is needed (tools/README.md).
"""
import argparse
import sys

from pulumi import automation as auto

from snapshots import snapshots
from stack import rollback_points

PROGRAMS = {"rollback-points": rollback_points, "snapshots": snapshots}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["up", "preview", "destroy"])
    parser.add_argument("stack", nargs="?", default="dev")
    parser.add_argument("--program", choices=sorted(PROGRAMS), default="rollback-points")
    args = parser.parse_args()
    stack = auto.select_stack(stack_name=args.stack, project_name="vpssnap-rollback-points-python",
                              program=PROGRAMS[args.program],
                              opts=auto.LocalWorkspaceOptions(work_dir="."))
    out = print  # one line at a time, without its newline
    try:
        if args.command == "up":
            stack.up(on_output=out)
        elif args.command == "preview":
            stack.preview(on_output=out, expect_no_changes=True)
        else:
            stack.destroy(on_output=out)
    except auto.CommandError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
