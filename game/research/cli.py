"""Command-line tools for counsellors and researchers: codes, export, research, simulate, pin.

``register(subparsers)`` adds the subcommands to the main CLI (game/cli.py); ``main(argv)`` runs
them on their own (``python -m game.research.cli``). Every command returns an exit code and turns
bad input into a plain message — never a traceback.
"""
from __future__ import annotations

import argparse
import base64
import sys
from pathlib import Path
from typing import Any, Callable


def _err(msg: str) -> int:
    print(f"Error: {msg}", file=sys.stderr)
    return 2


def _deployment(args: Any):
    from game.deployment import load_deployment

    return load_deployment(getattr(args, "deployment", None))


def _show_issues(dep: Any) -> None:
    if dep.issues:
        print(f"Problems in {dep.source.name if dep.source else 'deployment.toml'}:", file=sys.stderr)
        for line in dep.issue_lines():
            print(f"  {line}", file=sys.stderr)


def _data_dir(args: Any, dep: Any) -> Path:
    from game.paths import resolve_data_dir

    return resolve_data_dir(getattr(args, "data_dir", None), bool(getattr(args, "portable", False)), dep.data_dir)


def _guard(fn: Callable[[Any], int]) -> Callable[[Any], int]:
    """Known problems become messages; anything else a short message plus exit code 1."""
    def run(args: Any) -> int:
        from game.research.export import BundleError, ExportError
        from game.research.merge import MergeError

        try:
            return fn(args)
        except (MergeError, ExportError, BundleError) as e:
            return _err(str(e))
        except KeyboardInterrupt:
            print("\nStopped.", file=sys.stderr)
            return 130
        except OSError as e:
            return _err(f"{e.strerror or e} ({Path(e.filename).name if e.filename else 'file'})")
        except ValueError as e:
            return _err(str(e))
    run.__name__ = fn.__name__
    return run


def _read_public_key(path: str) -> bytes:
    from game.deployment import decode_public_key

    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        raise ValueError(f"the public key file {p.name} could not be read")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" in line and not line.endswith("="):
            line = line.split("=", 1)[1]
        try:
            return decode_public_key(line.strip().strip('"'))
        except ValueError as e:
            raise ValueError(f"{p.name}: {e}")
    raise ValueError(f"{p.name} holds no key")


# ---------------------------------------------------------------------- commands
@_guard
def cmd_codes(args: Any) -> int:
    import random

    from game.research.codes import make_codes, study_ok, write_sheet

    if not study_ok(args.study):
        return _err(f"study id {args.study!r}: use 2 to 12 letters or digits, e.g. GLM24")
    if not 1 <= args.count <= 5000:
        return _err("--count must be between 1 and 5000")
    dep = _deployment(args)
    rng = random.Random(args.seed) if args.seed is not None else None
    codes = make_codes(args.study, args.count, rng)
    files = write_sheet(codes, Path(args.out), programme=args.programme or dep.programme_name,
                        study=args.study.upper(), language=args.language or dep.language)
    print(f"Wrote {len(codes)} codes: {files[0]} (print and cut) and {files[1]} (the list for the research team).")
    return 0


@_guard
def cmd_export(args: Any) -> int:
    from game.research.export import export

    dep = _deployment(args)
    if dep.issues:
        _show_issues(dep)
        return _err("fix deployment.toml first; nothing was exported.")
    data = _data_dir(args, dep)
    res = export(data, dep, Path(args.out))
    print(res.summary())
    return 0


@_guard
def cmd_keygen(args: Any) -> int:
    from game.research.merge import keygen

    k = keygen(Path(args.out))
    print(f"Made a study key pair (key id {k['key_id']}):\n"
          f"  {k['private']}  - PRIVATE: keep it safe and backed up; never send it to a school\n"
          f"  {k['public']}   - public: send it to schools\n"
          f"Schools paste this line under [research] in deployment.toml:\n"
          f"  public_key = \"{k['public_key']}\"")
    return 0


@_guard
def cmd_merge(args: Any) -> int:
    from game.research.merge import merge

    res = merge(args.bundles, args.key, Path(args.out), shareable=args.shareable, full_validate=args.validate,
                withdraw=args.withdraw or (), progress=None if not args.no_progress else False,
                write_xapi=not args.no_xapi)
    for line in res.summary_lines():
        print(line)
    print(f"Outputs in {res.out_dir} (report: merge_report.md).")
    return res.exit_code


@_guard
def cmd_withdraw(args: Any) -> int:
    from game.research.merge import withdraw

    res = withdraw(Path(args.out), args.codes, args.key)
    total = sum(res["rows_removed"].values())
    print(f"Withdrew {', '.join(res['codes'])}: {total} row(s) removed from {args.out}. "
          "Later merges into this folder leave them out too.")
    return 0


@_guard
def cmd_simulate(args: Any) -> int:
    from game.research.simulate import simulate

    if args.public_key:
        pk = _read_public_key(args.public_key)
    else:
        dep = _deployment(args)
        if not dep.public_key:
            _show_issues(dep)
            return _err("give --public-key FILE, or set [research] public_key in deployment.toml")
        pk = base64.b64decode(dep.public_key)
    if not 1 <= args.players <= 100_000:
        return _err("--players must be between 1 and 100000")
    res = simulate(Path(args.out), args.players, args.seed, pk, study=args.study)
    print(f"Simulated {res.players} players into {len(res.bundles)} bundle(s) in {args.out}.")
    return 0


@_guard
def cmd_pin(args: Any) -> int:
    import getpass

    from game.deployment import pin_line

    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New facilitator PIN: ")
        again = getpass.getpass("Type it again: ")
        if pin != again:
            return _err("the two PINs differ; nothing was made.")
    print("Paste this line under [facilitator] in deployment.toml:")
    print(pin_line(pin))
    return 0


# ---------------------------------------------------------------------- wiring
def register(subparsers: Any) -> None:
    p = subparsers.add_parser("codes", help="make participant codes and a printable sheet to cut and hand out")
    p.add_argument("--study", required=True, help="study id, e.g. GLM24")
    p.add_argument("--count", type=int, required=True, help="how many codes")
    p.add_argument("--out", required=True, help="the sheet to write (.html); a -codes.csv list goes beside it")
    p.add_argument("--seed", type=int, help="repeatable codes (testing only)")
    p.add_argument("--programme", help="name on the cards (default: from deployment.toml)")
    p.add_argument("--language", choices=("en", "nl"), help="language of the cards")
    p.set_defaults(func=cmd_codes)

    p = subparsers.add_parser("export", help="write an encrypted research export bundle (counsellor)")
    p.add_argument("--out", required=True, help="folder to write the bundle to (e.g. a USB stick)")
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("research", help="researcher tools: keygen, merge, withdraw")
    rs = p.add_subparsers(dest="research_command", metavar="{keygen,merge,withdraw}")
    rs.required = True
    k = rs.add_parser("keygen", help="make the study's key pair")
    k.add_argument("--out", required=True, help="folder for study-private.key and study-public.key")
    k.set_defaults(func=cmd_keygen)
    m = rs.add_parser("merge", help="decrypt and merge bundles into tidy tables with a codebook")
    m.add_argument("bundles", nargs="+", metavar="BUNDLE_OR_DIR")
    m.add_argument("--key", required=True, help="the study's private key file")
    m.add_argument("--out", required=True, help="output folder")
    m.add_argument("--shareable", action="store_true",
                   help="no wall-clock times, free text or installation ids; codes and ids as keyed hashes")
    m.add_argument("--validate", action="store_true", help="check every event fully against the schema (slower)")
    m.add_argument("--withdraw", action="append", metavar="CODE", help="leave this participant out (repeatable)")
    m.add_argument("--no-progress", action="store_true", help="no progress bar")
    m.add_argument("--no-xapi", action="store_true", help="skip xapi_statements.json")
    m.set_defaults(func=cmd_merge)
    w = rs.add_parser("withdraw", help="remove participants from merged outputs")
    w.add_argument("codes", nargs="+", metavar="CODE")
    w.add_argument("--out", required=True, help="the merge output folder")
    w.add_argument("--key", help="the private key (needed for shareable outputs)")
    w.set_defaults(func=cmd_withdraw)

    p = subparsers.add_parser("simulate", help="write export bundles of a simulated cohort (to test an analysis)")
    p.add_argument("--players", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    p.add_argument("--public-key", help="study-public.key (default: the deployment's key)")
    p.add_argument("--study", default="SIM", help="study id for the simulated codes")
    p.set_defaults(func=cmd_simulate)

    p = subparsers.add_parser("pin", help="print the facilitator PIN hash line for deployment.toml")
    p.add_argument("--stdin", action="store_true", help="read the PIN from standard input")
    p.set_defaults(func=cmd_pin)


def build_parser() -> argparse.ArgumentParser:
    """These commands alone (``python -m game.research.cli``), with the game's common options."""
    from game.cli import add_common_options

    parser = argparse.ArgumentParser(prog="glimmer")
    sub = parser.add_subparsers(dest="command")
    register(sub)
    for sp in sub.choices.values():
        add_common_options(sp)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    return func(args)


if __name__ == "__main__":
    sys.exit(main())
