"""A Python stack on the released wheel, run through the Automation API as an inline program:

    python -m venv venv && venv/bin/pip install -r requirements.txt ./pulumi_vpssnap-0.1.0-py3-none-any.whl
    venv/bin/python stack.py up|destroy

The engine downloads the plugin from the URL the wheel carries (pulumi-plugin.json). Endpoints
and tokens come from the environment (VPSSNAP_LOCAWEB_ENDPOINT, VPSSNAP_LOCAWEB_TOKEN, ...).
"""
import os
import sys

import pulumi
from pulumi import automation as auto

import pulumi_vpssnap as vpssnap


def program():
    web = vpssnap.locaweb.Snapshot("web", server="cpro0301", name="installed-from-wheel")
    db = vpssnap.vpsorg.Snapshot("db", server_id=12347, name="installed-from-wheel")
    pulumi.export("web", web.id)
    pulumi.export("db", db.id)


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command not in ("up", "destroy"):
        print(f'unknown command "{command}": use up or destroy', file=sys.stderr)
        return 2
    stack = auto.create_or_select_stack(stack_name="dev", project_name="vpssnap-install-python", program=program,
                                        work_dir=os.getcwd())
    try:
        if command == "up":
            stack.up(on_output=print)
        else:
            stack.destroy(on_output=print)
    except auto.CommandError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
