"""deployment.toml: how a counsellor sets up a build without rebuilding it.

``load_deployment()`` finds the file (``--deployment FILE``, beside the program, then the system
config folder), reads it with tomllib and checks every key. Nothing is ignored silently: an
unknown key (with a "did you mean"), a wrong type or a bad value becomes a ``DeploymentIssue``
with the line, the key and what is expected, for the game to show on screen. Values that are
wrong fall back to their safe default (research off when anything about research is wrong).

The file is read before the language is known (the language can be set in it), so an issue
keeps its English text (marked with ``N_``) and its values (``Msg``) and is translated only when
it is shown (``DeploymentIssue.text()``); ``str(issue)`` stays English for logs.
"""
from __future__ import annotations

import base64
import binascii
import difflib
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.i18n import N_, _

try:
    import tomllib  # Python 3.11+
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

FILE_NAME = "deployment.toml"
LANGUAGES = ("en", "nl")
MAX_PACING_DAYS = 60

# English, marked for translation: the help screen shows them in the player's language (_()).
DEFAULT_HELPLINES: tuple[dict[str, str], ...] = (
    {"name": N_("Child helpline"), "number": "116 111",
     "text": N_("Free and confidential. Talk or chat about anything that worries you."),
     "hours": N_("Check the helpline's website for opening hours.")},
    {"name": N_("In danger right now?"), "number": "112",
     "text": N_("If you or someone else is in danger, call your local emergency number (112 in Europe).")},
)


@dataclass(frozen=True)
class Msg:
    """An English text (marked with ``N_`` where it is written) and the values for its
    {placeholders}; a value may be a ``Msg`` itself. Translated when it is shown, not when made."""

    source: str
    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, source: str, **values: Any) -> "Msg":
        return cls(source, tuple(sorted(values.items())))

    def text(self, translate: bool = True) -> str:
        """In the current language (``translate=False``: the English source)."""
        values = {k: (v.text(translate) if isinstance(v, Msg) else v) for k, v in self.values}
        return (_(self.source) if translate else self.source).format(**values)

    def __str__(self) -> str:
        return self.text(translate=False)


@dataclass(frozen=True)
class DeploymentIssue:
    line: int | None      # 1-based line in the file, None when it is not about one line
    key: str              # dotted key, e.g. "research.public_key"
    problem: Msg          # what is wrong, in plain words
    hint: Msg             # what would be right

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.problem.text(translate=False)

    @property
    def expected(self) -> str:
        """What would be right, in English."""
        return self.hint.text(translate=False)

    def text(self, translate: bool = True) -> str:
        """One line for a person: where, which key, what is wrong and what is expected, in the
        current language (``translate=False``: English, for logs)."""
        t = _ if translate else (lambda s: s)
        problem, expected = self.problem.text(translate), self.hint.text(translate)
        out = t(N_("{problem} (expected: {expected})")).format(problem=problem, expected=expected) \
            if expected else problem
        if self.key:
            out = f"{self.key}: {out}"
        if self.line:
            out = t(N_("line {line}")).format(line=self.line) + ": " + out
        return out

    def __str__(self) -> str:
        return self.text(translate=False)


@dataclass
class Deployment:
    programme_name: str = "Glimmer"
    language: str = "en"
    helplines: list[dict[str, str]] = field(default_factory=lambda: [dict(h) for h in DEFAULT_HELPLINES])
    pacing: str | dict[str, int] = "free"
    research_enabled: bool = False
    study_id: str | None = None
    public_key: str | None = None          # base64, 32 bytes (Curve25519)
    key_id: str | None = None
    allow_free_text_export: bool = False
    data_dir: str | None = None
    data_persists: bool | None = None      # None: unknown (Glimmer guesses); False: the PC wipes it
    facilitator_pin_hash: str | None = None
    source: Path | None = None             # the file read, None when defaults are used
    issues: list[DeploymentIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    @property
    def pin_required(self) -> bool:
        return bool(self.facilitator_pin_hash)

    def check_pin(self, pin: str) -> bool:
        """True when ``pin`` matches; with no PIN configured the facilitator screen is open."""
        if not self.facilitator_pin_hash:
            return True
        return check_pin(pin, self.facilitator_pin_hash)

    @property
    def public_key_bytes(self) -> bytes | None:
        return base64.b64decode(self.public_key) if self.public_key else None

    @property
    def pacing_days(self) -> int | None:
        return self.pacing.get("days") if isinstance(self.pacing, dict) else None

    def issue_lines(self, translate: bool = True) -> list[str]:
        """One line per issue (``deployment.toml, line 3: key: problem (expected: ...)``) in the
        current language (``translate=False``: English, for logs)."""
        name = self.source.name if self.source else FILE_NAME
        return [f"{name}, {i.text(translate)}" for i in self.issues]


# ---------------------------------------------------------------------- keys and PINs
class KeyProblem(ValueError):
    """A study key that can't be used; ``msg`` is the reason (translated where it is shown)."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(msg.text(translate=False))
        self.msg = msg


def decode_public_key(text: str) -> bytes:
    """Base64 text -> 32 raw bytes, or KeyProblem (a ValueError) with a plain reason."""
    s = "".join(str(text).split())
    try:
        raw = base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        raise KeyProblem(Msg(N_("this is not base64 text (copy the whole line from study-public.key)"))) from None
    if len(raw) != 32:
        raise KeyProblem(Msg.of(N_("a study key is 32 bytes (44 base64 characters); this one is {n} bytes"),
                                n=len(raw)))
    return raw


def key_id_for(raw: bytes) -> str:
    """A short fingerprint of a public key: the same on the school's and the researcher's side."""
    return hashlib.sha256(raw).hexdigest()[:12]


_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2 ** 14, 8, 1


def hash_pin(pin: str) -> str:
    """scrypt hash line for deployment.toml: ``scrypt$16384$8$1$<salt>$<hash>``."""
    pin = str(pin).strip()
    if len(pin) < 4:
        raise ValueError("a PIN needs at least 4 characters")
    salt = secrets.token_bytes(16)
    dk = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt)}${b64(dk)}"


_PIN_RE = re.compile(r"^(scrypt)\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$|"
                     r"^(pbkdf2_sha256)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$")


def pin_hash_ok(text: str) -> bool:
    return bool(_PIN_RE.match(str(text)))


def check_pin(pin: str, pin_hash: str) -> bool:
    m = _PIN_RE.match(str(pin_hash or ""))
    if not m:
        return False
    pin_b = str(pin).strip().encode("utf-8")
    try:
        if m.group(1):
            n, r, p = int(m.group(2)), int(m.group(3)), int(m.group(4))
            salt, want = base64.b64decode(m.group(5)), base64.b64decode(m.group(6))
            got = hashlib.scrypt(pin_b, salt=salt, n=n, r=r, p=p, dklen=len(want), maxmem=2 ** 26)
        else:
            iters = int(m.group(8))
            salt, want = base64.b64decode(m.group(9)), base64.b64decode(m.group(10))
            got = hashlib.pbkdf2_hmac("sha256", pin_b, salt, iters, dklen=len(want))
    except (ValueError, binascii.Error, MemoryError):
        return False
    return hmac.compare_digest(got, want)


# ---------------------------------------------------------------------- finding the file
def site_config_path() -> Path | None:
    try:
        import platformdirs

        return Path(platformdirs.site_config_dir("Glimmer", appauthor=False)) / FILE_NAME
    except Exception:
        return None


def candidate_paths(explicit: str | Path | None = None) -> list[Path]:
    if explicit:
        return [Path(explicit).expanduser()]
    from game.paths import program_dir

    out = [program_dir() / FILE_NAME]
    site = site_config_path()
    if site is not None:
        out.append(site)
    return out


def find_deployment_file(explicit: str | Path | None = None) -> Path | None:
    for p in candidate_paths(explicit):
        if p.is_file():
            return p
    return None


# ---------------------------------------------------------------------- line numbers
_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
_KEY_RE = re.compile(r"^\s*([A-Za-z0-9_\-\"]+)\s*=")


class _Lines:
    """Map dotted keys to 1-based line numbers (tomllib reports none)."""

    def __init__(self, text: str) -> None:
        self.keys: dict[str, int] = {}
        self.tables: dict[str, int] = {}
        counters: dict[str, int] = {}
        section = ""
        for no, line in enumerate(text.splitlines(), start=1):
            m = _HEADER_RE.match(line)
            if m:
                name = m.group(2).replace('"', "").replace(" ", "")
                if m.group(1) == "[[":
                    idx = counters.get(name, 0)
                    counters[name] = idx + 1
                    section = f"{name}[{idx}]"
                else:
                    section = name
                self.tables.setdefault(section, no)
                continue
            k = _KEY_RE.match(line)
            if k:
                key = k.group(1).replace('"', "")
                self.keys.setdefault(f"{section}.{key}" if section else key, no)

    def line(self, dotted: str) -> int | None:
        if dotted in self.keys:
            return self.keys[dotted]
        # a key inside an inline table, or a whole table: fall back to the nearest parent
        parts = dotted.split(".")
        while parts:
            d = ".".join(parts)
            if d in self.keys:
                return self.keys[d]
            if d in self.tables:
                return self.tables[d]
            parts.pop()
        return None


# ---------------------------------------------------------------------- the schema of the file
def _one_of(choices: Any) -> Msg:
    return Msg.of(N_("one of: {choices}"), choices=", ".join(choices))


# dotted key -> what is expected, for a person (English, translated when shown)
KNOWN: dict[str, Msg] = {
    "programme.name": Msg(N_('text, e.g. "Glimmer"')),
    "programme.language": _one_of(f'"{x}"' for x in LANGUAGES),
    "programme.pacing": Msg.of(N_('"free", or a number of days between levels (1 to {max})'), max=MAX_PACING_DAYS),
    "helplines": Msg(N_("a list of [[helplines]] tables")),
    "helplines.name": Msg(N_('text, e.g. "Child helpline"')),
    "helplines.number": Msg(N_('text, e.g. "116 111"')),
    "helplines.text": Msg(N_("text shown under the number")),
    "helplines.hours": Msg(N_('text, e.g. "every day, 11:00 to 21:00" (optional)')),
    "research.enabled": Msg(N_("true or false")),
    "research.study_id": Msg(N_('2 to 12 letters or digits, e.g. "GLM24"')),
    "research.public_key": Msg(N_("the 44-character line from study-public.key (made by the research team)")),
    "research.allow_free_text_export": Msg(N_("true or false")),
    "data.folder": Msg(N_('a folder path, or "" for the normal per-user folder')),
    "data.persistent": Msg(N_("true or false (false: this PC wipes user data at log-off or restart)")),
    "facilitator.pin_hash": Msg(N_('the line printed by `python main.py pin` (or "" for no PIN)')),
}
SECTIONS = ("programme", "helplines", "research", "data", "facilitator")
_TYPE_NAMES = {bool: N_("true/false"), int: N_("a number"), float: N_("a number"), str: N_("text"),
               list: N_("a list"), dict: N_("a table")}


def _tname(v: Any) -> Msg | str:
    """The kind of value a person typed ("a number", "text"...), translated when shown."""
    name = _TYPE_NAMES.get(type(v))
    return Msg(name) if name else type(v).__name__


def _got(v: Any) -> Msg:
    return Msg.of(N_("got {value}"), value=v)


def load_deployment(path: str | Path | None = None) -> Deployment:
    """Find and read deployment.toml. Never raises: problems come back in ``.issues``."""
    dep = Deployment()
    if path:
        p = Path(path).expanduser()
        if not p.is_file():
            dep.issues.append(DeploymentIssue(None, "", Msg.of(N_("the deployment file {name} was not found"),
                                                               name=p.name),
                                              Msg(N_("an existing deployment.toml (check the --deployment path)"))))
            return dep
    else:
        p = find_deployment_file()
        if p is None:
            return dep
    dep.source = p
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        dep.issues.append(DeploymentIssue(None, "", Msg(N_("the file is not saved as UTF-8 text")),
                                          Msg(N_("save it as UTF-8 (plain text) in your editor"))))
        return dep
    except OSError as e:
        dep.issues.append(DeploymentIssue(None, "", Msg.of(N_("the file could not be read ({reason})"),
                                                           reason=e.strerror or str(e)),
                                          Msg(N_("a readable deployment.toml"))))
        return dep
    return parse_deployment(text, dep)


def parse_deployment(text: str, dep: Deployment | None = None) -> Deployment:
    dep = dep or Deployment()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        dep.issues.append(DeploymentIssue(int(m.group(1)) if m else None, "",
                                          Msg.of(N_("the file is not valid TOML: {error}"), error=msg),
                                          Msg(N_('key = value lines, text in "quotes", sections in [brackets]'))))
        return dep
    lines = _Lines(text)
    issues = dep.issues

    def add(key: str, message: Msg, expected: Msg | None = None, line_key: str | None = None) -> None:
        issues.append(DeploymentIssue(lines.line(line_key or key), key, message,
                                      expected or KNOWN.get(_generic(key), Msg(""))))

    def unknown(key: str, choices: list[str], line_key: str | None = None) -> None:
        leaf = key.rsplit(".", 1)[-1]
        near = difflib.get_close_matches(leaf, choices, n=1, cutoff=0.6)
        hint = Msg.of(N_('did you mean "{name}"?'), name=near[0]) if near else _one_of(choices)
        add(key, Msg.of(N_('unknown key "{key}"'), key=leaf), hint, line_key)

    for top, val in data.items():
        if top not in SECTIONS:
            # a key put at the top level that belongs inside a section?
            home = [k for k in KNOWN if k.endswith("." + top)]
            if home:
                section = home[0].split(".")[0]
                add(top, Msg.of(N_('"{key}" must be inside the [{section}] section'), key=top, section=section),
                    Msg.of(N_("move it under [{section}]"), section=section))
            else:
                unknown(top, list(SECTIONS))
            continue
        if top == "helplines":
            continue
        if not isinstance(val, dict):
            add(top, Msg.of(N_('"{key}" must be a section'), key=top),
                Msg.of(N_("a [{section}] header with keys under it"), section=top))
            continue
        choices = [k.split(".", 1)[1] for k in KNOWN if k.startswith(top + ".")]
        for k in val:
            if k not in choices:
                unknown(f"{top}.{k}", choices)

    prog = data.get("programme") if isinstance(data.get("programme"), dict) else {}
    research = data.get("research") if isinstance(data.get("research"), dict) else {}
    datasec = data.get("data") if isinstance(data.get("data"), dict) else {}
    fac = data.get("facilitator") if isinstance(data.get("facilitator"), dict) else {}

    # programme
    if "name" in prog:
        v = prog["name"]
        if not isinstance(v, str) or not v.strip() or len(v) > 60:
            add("programme.name", _got(_tname(v) if not isinstance(v, str) else repr(v)),
                Msg(N_("text of 1 to 60 characters")))
        else:
            dep.programme_name = v.strip()
    if "language" in prog:
        v = prog["language"]
        if v not in LANGUAGES:
            add("programme.language", Msg.of(N_('"{value}" is not a language Glimmer has'), value=str(v)))
        else:
            dep.language = v
    if "pacing" in prog:
        v = prog["pacing"]
        days = None
        if isinstance(v, str) and v.strip().lower() == "free":
            dep.pacing = "free"
        elif isinstance(v, bool):
            add("programme.pacing", _got(_tname(v)))
        elif isinstance(v, int):
            days = v
        elif isinstance(v, dict) and set(v) == {"days"} and isinstance(v["days"], int) and not isinstance(v["days"], bool):
            days = v["days"]
        else:
            add("programme.pacing", _got(repr(v)))
        if days is not None:
            if 1 <= days <= MAX_PACING_DAYS:
                dep.pacing = {"days": days}
            else:
                add("programme.pacing", Msg.of(N_("{days} days is out of range"), days=days))

    # helplines
    if "helplines" in data:
        hl = data["helplines"]
        if not isinstance(hl, list) or not all(isinstance(h, dict) for h in hl):
            add("helplines", Msg(N_("helplines must be [[helplines]] tables")), line_key="helplines")
        else:
            out = []
            fields = ["name", "number", "text", "hours"]
            for i, h in enumerate(hl):
                lk = f"helplines[{i}]"
                good = True
                for k in h:
                    if k not in fields:
                        unknown(f"helplines.{k}", fields, line_key=f"{lk}.{k}")
                        good = False
                for k in fields:
                    if k in h and (not isinstance(h[k], str) or len(h[k]) > 300):
                        add(f"helplines.{k}", _got(_tname(h[k])), Msg(N_("text (up to 300 characters)")), f"{lk}.{k}")
                        good = False
                for k in ("name", "number"):
                    if not (isinstance(h.get(k), str) and h[k].strip()):
                        if k not in h:
                            add(f"helplines.{k}", Msg.of(N_("helpline {n} has no {field}"), n=i + 1, field=k),
                                line_key=lk)
                        good = False
                if good:
                    out.append({k: h[k].strip() for k in fields if k in h})
            if out:
                dep.helplines = out
            elif not hl:
                add("helplines", Msg(N_("the list of helplines is empty")),
                    Msg(N_("at least one [[helplines]] table (the player must always see where to get help)")))

    # research
    if "enabled" in research:
        v = research["enabled"]
        if not isinstance(v, bool):
            add("research.enabled", _got(repr(v)))
        else:
            dep.research_enabled = v
    if "study_id" in research:
        v = research["study_id"]
        from game.research.codes import normalise_study, study_ok

        if isinstance(v, str) and v.strip() == "":
            dep.study_id = None
        elif not isinstance(v, str) or not study_ok(v):
            add("research.study_id", Msg.of(N_("{value} is not a valid study id"), value=repr(v)))
        else:
            dep.study_id = normalise_study(v)
    if "public_key" in research:
        v = research["public_key"]
        if isinstance(v, str) and v.strip() == "":
            dep.public_key = None
        elif not isinstance(v, str):
            add("research.public_key", _got(_tname(v)))
        else:
            try:
                raw = decode_public_key(v)
                dep.public_key = base64.b64encode(raw).decode("ascii")
                dep.key_id = key_id_for(raw)
            except KeyProblem as e:
                add("research.public_key", e.msg)
    if "allow_free_text_export" in research:
        v = research["allow_free_text_export"]
        if not isinstance(v, bool):
            add("research.allow_free_text_export", _got(repr(v)))
        else:
            dep.allow_free_text_export = v
    if dep.research_enabled:
        missing = [k for k, have in (("study_id", dep.study_id), ("public_key", dep.public_key)) if not have]
        for k in missing:
            if not any(i.key == f"research.{k}" for i in issues):
                add(f"research.{k}", Msg.of(N_("research is on but {key} is empty"), key=k),
                    line_key=f"research.{k}" if f"research.{k}" in lines.keys else "research.enabled")
        if missing or any(i.key.startswith("research.") for i in issues):
            dep.research_enabled = False  # never collect data we could not protect or label

    # data
    if "folder" in datasec:
        v = datasec["folder"]
        if not isinstance(v, str):
            add("data.folder", _got(_tname(v)))
        else:
            dep.data_dir = v.strip() or None
    if "persistent" in datasec:
        v = datasec["persistent"]
        if not isinstance(v, bool):
            add("data.persistent", _got(repr(v)))
        else:
            dep.data_persists = v

    # facilitator
    if "pin_hash" in fac:
        v = fac["pin_hash"]
        if isinstance(v, str) and v.strip() == "":
            dep.facilitator_pin_hash = None
        elif not isinstance(v, str) or not pin_hash_ok(v.strip()):
            add("facilitator.pin_hash", Msg(N_("this is not a PIN hash (never type the PIN itself here)")))
            dep.facilitator_pin_hash = "!invalid"  # stay locked rather than open without a PIN
        else:
            dep.facilitator_pin_hash = v.strip()
    issues.sort(key=lambda i: i.line or 0)
    return dep


def _generic(key: str) -> str:
    return re.sub(r"\[\d+\]", "", key)


def pin_line(pin: str) -> str:
    return f'pin_hash = "{hash_pin(pin)}"'
