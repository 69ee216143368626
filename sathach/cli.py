"""The `sathach` command: one entry point for everything done without the browser.

sathach demo [--seed N] [--no-serve]      seed the demo province and serve it
sathach serve [--bind ADDR] [--workers N]  serve the application (gunicorn)
sathach import-roster FILE.xlsx [...]      import a roster (see --help)
sathach export-roster --unit CODE -o FILE  export a unit subtree's roster
sathach import-ratings FILE.xlsx [...]     import past years' quality ratings (see --help)
sathach audit verify                       prove the audit chain is intact
sathach bench [NAME ...]                   run benchmarks from bench/
sathach worker [--batch]                   run background jobs (PDF batches) from the queue
sathach open-sitting PLAN SITTING_ID       open a computer sitting (rooms, attempts, codes)
sathach analyze FILE [--key K] [--irt]     item analysis of a response matrix (CSV or .xlsx)
sathach simulate --candidates N [--seed S] a whole cycle headless on the demo province
sathach manage COMMAND [...]               any Django management command (migrate, ...)
"""

from __future__ import annotations

import os
import sys

# Public sub-command → Django management command.
COMMANDS = {
    "demo": "demo",
    "serve": "serve",
    "import-roster": "import_roster",
    "export-roster": "export_roster",
    "import-ratings": "import_ratings",
    "audit": "audit",
    "bench": "bench",
    "bank": "bank",
    "assemble": "assemble",
    "user": "user",
    "worker": "worker",
    "open-sitting": "open_sitting",
    "analyze": "analyze",
    "simulate": "simulate",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(__doc__.strip())
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        # A malformed rule profile (or other configuration) stops start-up with a clear message.
        print(f"sathach: không khởi động được: {exc}", file=sys.stderr)
        return 2

    from django.core.management import execute_from_command_line

    command, rest = args[0], args[1:]
    if command == "manage":
        if not rest:
            print("usage: sathach manage COMMAND [ARGS...]", file=sys.stderr)
            return 2
        command, rest = rest[0], rest[1:]
        name = command
    else:
        name = COMMANDS.get(command)
        if name is None:
            print(f"sathach: lệnh không hợp lệ: {command}\n\n{__doc__.strip()}", file=sys.stderr)
            return 2
    try:
        execute_from_command_line(["sathach", name, *rest])
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
