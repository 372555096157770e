"""The actor knowledge base: YAML records loaded, validated and indexed for linking.

The shipped records live in ``actors/data/*.yaml``; users add or override records with
their own folders (a later folder's record replaces an earlier one with the same id).
Every problem names the file and line of the record that causes it.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

import yaml

from detente.errors import KbError
from detente.records import Actor, Role

DATA_DIR = Path(__file__).parent / "data"
TITLES_FILE = "titles.yaml"
KINDS = ("person", "organisation", "country", "group")
GENDERS = ("male", "female")
FIELDS = {f for f in Actor.fields() if f != "local"}
ROLE_FIELDS = set(Role.fields())
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where PyYAML has it
NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "del", "la", "le", "al", "el", "bin", "ben"}


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Key under which names are compared: accents, case, apostrophes and 'the' ignored."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'s$", "", text.strip())
    text = re.sub(r"^the\s+", "", " ".join(text.replace(".", "").split()))
    return text


@functools.lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """Lowercase ascii slug of a name: 'Boris Pistorius' -> 'boris-pistorius'; letters of
    other scripts than Latin add a hash of the name, so that every name keeps its own
    slug: 'Иван Петров' -> 'h' and ten hex digits."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    out = re.sub(r"[^a-z0-9]+", "-", bare.encode("ascii", "ignore").decode().lower()).strip("-")
    if any(c.isalpha() and not c.isascii() and not unicodedata.name(c, "").startswith("LATIN") for c in bare):
        digest = hashlib.sha1(unicodedata.normalize("NFKC", text).casefold().encode("utf-8")).hexdigest()[:10]
        out = f"{out}-h{digest}" if out else f"h{digest}"
    return out


def surname(name: str) -> str:
    """The surname of a full personal name, keeping particles: 'Ursula von der Leyen' -> 'von der Leyen'."""
    parts = name.split()
    i = len(parts) - 1
    while i > 1 and parts[i - 1].lower() in NAME_PARTICLES:
        i -= 1
    return " ".join(parts[i:])


@functools.lru_cache(maxsize=65536)
def surname_forms(name: str) -> frozenset[str]:
    """The folded surnames a person is called by later in an article: the surname, and
    without a particle joined by a hyphen ('Mohammed al-Amin' -> 'al-amin', 'amin'); kept
    per name, since every surname mention asks again for every person of the article."""
    last = surname(name)
    forms = {fold(last)}
    particle, _, rest = last.partition("-")
    if rest and " " not in last and particle.lower() in NAME_PARTICLES:
        forms.add(fold(rest))
    return frozenset(forms)


# --- reading and validating -------------------------------------------------------------

def _records_in(path: Path) -> list[tuple[dict, int, dict]]:
    """The records of one YAML file as (record, line, line of each field)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise KbError(f"{path}: the file is not UTF-8 text (byte 0x{err.object[err.start]:02x} at offset "
                      f"{err.start}); save it as UTF-8.") from err
    if FAST_LOADER is not yaml.SafeLoader:
        try:
            return _records(text, FAST_LOADER, path)
        except (yaml.YAMLError, ValueError):
            pass  # the Python loader below describes the problem in its own words
    try:
        return _records(text, yaml.SafeLoader, path)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        raise KbError(f"{path}:{line}: this is not valid YAML ({err.problem}).") from err
    except ValueError as err:  # a value YAML reads as a date or number but cannot be one
        raise KbError(f"{path}: a value cannot be read ({err}); write dates as YYYY-MM-DD.") from err


def _records(text: str, loader_class, path: Path) -> list[tuple[dict, int, dict]]:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return []
        if not isinstance(root, yaml.SequenceNode):
            raise KbError(f"{path}:{root.start_mark.line + 1}: the file must be a YAML list of records.")
        out = []
        for node in root.value:
            line = node.start_mark.line + 1
            record = loader.construct_object(node, deep=True)
            fields = {}
            if isinstance(node, yaml.MappingNode):
                fields = {k.value: k.start_mark.line + 1 for k, _ in node.value}
            out.append((record, line, fields))
        return out
    finally:
        loader.dispose()


def _problems(record, path: Path, line: int, fields: dict) -> list[str]:
    """What is wrong with one record, as sentences starting with 'file:line:'."""
    if not isinstance(record, dict):
        return [f"{path}:{line}: a record must be a mapping of fields (id, name, kind, ...)."]

    def at(key: str, msg: str) -> str:
        return f"{path}:{fields.get(key, line)}: {msg}"

    out = []
    rid = record.get("id")
    if not isinstance(rid, str) or not SLUG.match(rid):
        out.append(at("id", f"the id {rid!r} must be a lowercase ascii slug such as 'donald-tusk'."))
    label = rid if isinstance(rid, str) else "this record"
    if not isinstance(record.get("name"), str) or not record.get("name", "").strip():
        out.append(at("name", f"{label} has no name."))
    if record.get("kind") not in KINDS:
        out.append(at("kind", f"{label} has kind {record.get('kind')!r}; use one of {', '.join(KINDS)}."))
    for key in sorted(set(record) - FIELDS):
        out.append(at(key, f"{label} has an unknown field {key!r}."))
    if record.get("gender") is not None and record.get("gender") not in GENDERS:
        out.append(at("gender", f"{label} has gender {record['gender']!r}; use male or female."))
    for key in ("aliases", "memberships", "metonyms", "demonyms"):
        value = record.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            out.append(at(key, f"{label}: {key} must be a list of strings."))
    roles = record.get("roles") or []
    if not isinstance(roles, list):
        return out + [at("roles", f"{label}: roles must be a list.")]
    for role in roles:
        if not isinstance(role, dict) or not isinstance(role.get("title"), str):
            out.append(at("roles", f"{label} has a role without a title: {role!r}."))
            continue
        for key in sorted(set(role) - ROLE_FIELDS):
            out.append(at("roles", f"{label} has a role with an unknown field {key!r}."))
        for key in ("start", "end"):
            value = role.get(key)
            if value is not None and not ISO_DATE.match(str(value)):
                out.append(at("roles", f"{label}: the {key} of role {role['title']!r} must be an ISO date "
                                       f"(YYYY-MM-DD), not {value!r}."))
        if role.get("start") and role.get("end") and str(role["start"]) > str(role["end"]):
            out.append(at("roles", f"{label}: role {role['title']!r} ends before it starts."))
    return out


def _actor(record: dict) -> Actor:
    roles = [Role(title=r["title"], of=r.get("of"),
                  start=str(r["start"]) if r.get("start") else None,
                  end=str(r["end"]) if r.get("end") else None) for r in record.get("roles") or []]
    return Actor(**{k: v for k, v in record.items() if k != "roles" and v is not None}, roles=roles)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise KbError(f"{folder}: the knowledge-base folder does not exist.")
    return sorted(p for p in folder.glob("*.y*ml") if p.name != TITLES_FILE)


def _read_folder(folder: Path, problems: Optional[list[str]] = None) -> dict[str, tuple[Actor, str]]:
    """The actors of one folder by id, with 'file:line' of each. Raises KbError on the first
    problem unless `problems` collects them."""
    out: dict[str, tuple[Actor, str]] = {}
    for path in _yaml_files(folder):
        try:
            records = _records_in(path)
        except KbError as err:
            if problems is None:
                raise
            problems.append(str(err))
            continue
        for record, line, fields in records:
            found = _problems(record, path, line, fields)
            if not found and record["id"] in out:
                found = [f"{path}:{line}: the id {record['id']!r} is already used at {out[record['id']][1]}."]
            if found:
                if problems is None:
                    raise KbError(found[0])
                problems.extend(found)
                continue
            out[record["id"]] = (_actor(record), f"{path}:{line}")
    return out


@functools.lru_cache(maxsize=1)
def _shipped() -> dict[str, tuple[Actor, str]]:
    return _read_folder(DATA_DIR)


# --- the indexed knowledge base -------------------------------------------------------

class KnowledgeBase:
    """Actors by id, with indexes for looking them up by what a text calls them."""

    def __init__(self, actors: Iterable[Actor]):
        self.actors: dict[str, Actor] = {a.id: a for a in actors}
        self.names: dict[str, set[str]] = defaultdict(set)  # full names and aliases
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.demonyms: dict[str, set[str]] = defaultdict(set)
        self.metonyms: dict[str, set[str]] = defaultdict(set)
        self.capitals: dict[str, set[str]] = defaultdict(set)
        for a in self.actors.values():
            for name in [a.name, *a.aliases]:
                self.names[fold(name)].add(a.id)
                if a.kind == "person" and len(name.split()) > 1:
                    self.surnames[fold(surname(name))].add(a.id)
                elif a.kind == "person":
                    self.surnames[fold(name)].add(a.id)
            for d in a.demonyms:
                self.demonyms[fold(d)].add(a.id)
            for m in a.metonyms:
                self.metonyms[fold(m)].add(a.id)
            if a.capital:
                self.capitals[fold(a.capital)].add(a.id)

    def get(self, actor_id: Optional[str]) -> Optional[Actor]:
        return self.actors.get(actor_id) if actor_id else None

    def by_name(self, text: str) -> list[Actor]:
        """Actors whose name or alias is `text` (case, accents and 'the' ignored)."""
        return [self.actors[i] for i in sorted(self.names.get(fold(text), ()))]

    def by_surname(self, text: str) -> list[Actor]:
        return [self.actors[i] for i in sorted(self.surnames.get(fold(text), ()))]

    def by_demonym(self, text: str) -> list[Actor]:
        key = fold(text)
        ids = self.demonyms.get(key) or self.demonyms.get(key.rstrip("s")) or ()
        return [self.actors[i] for i in sorted(ids)]

    def by_metonym(self, text: str) -> list[Actor]:
        return [self.actors[i] for i in sorted(self.metonyms.get(fold(text), ()))]

    def by_capital(self, text: str) -> list[Actor]:
        return [self.actors[i] for i in sorted(self.capitals.get(fold(text), ()))]

    def surface_forms(self) -> set[str]:
        """Every name, alias, demonym, metonym and capital as written, for phrase matching."""
        out: set[str] = set()
        for a in self.actors.values():
            out.update([a.name, *a.aliases, *a.demonyms, *a.metonyms])
            if a.capital:
                out.add(a.capital)
            if a.kind == "person" and len(a.name.split()) > 1:
                out.add(surname(a.name))
        return {s for s in out if s}

    def holders(self, title: str, of: Optional[str], date: Optional[str]) -> list[Actor]:
        """Who held `title` of `of` (any, when None) on `date`; the latest holders when
        `date` is None."""
        found: list[tuple[Role, Actor]] = []
        for a in self.actors.values():
            for r in a.roles:
                if r.title.casefold() == title.casefold() and (of is None or r.of == of):
                    found.append((r, a))
        if date:
            found = [(r, a) for r, a in found if (r.start or "") <= date <= (r.end or "9999")]
        elif found:
            current = [(r, a) for r, a in found if not r.end]
            found = current or [max(found, key=lambda ra: ra[0].end or "")]
        seen, out = set(), []
        for _, a in found:
            if a.id not in seen:
                seen.add(a.id)
                out.append(a)
        return out


def overlay(base: Iterable[Actor], actors: Iterable[Actor]) -> list[Actor]:
    """`base` (knowledge-base records, whose memberships define the blocs) with `actors`
    (those found in articles) replacing records of the same id."""
    merged = {a.id: a for a in base}
    merged.update((a.id, a) for a in actors)
    return list(merged.values())


def load_kb(extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base with the records of `extra_dirs` added or overriding
    (later folders win). Raises KbError naming file and line for a bad record."""
    actors = {i: a for i, (a, _) in _shipped().items()}
    for folder in extra_dirs:
        actors.update({i: a for i, (a, _) in _read_folder(Path(folder)).items()})
    return KnowledgeBase(actors.values())


def check(dirs: Iterable[str | Path] = ()) -> list[str]:
    """Every problem of the shipped knowledge base and of `dirs`, as 'file:line: ...' sentences."""
    problems: list[str] = []
    located: dict[str, tuple[Actor, str]] = {}
    for folder in [DATA_DIR, *map(Path, dirs)]:
        try:
            located.update(_read_folder(folder, problems))
        except KbError as err:
            problems.append(str(err))
    for actor, where in located.values():
        refs = [("country", actor.country)] + [("membership", m) for m in actor.memberships]
        refs += [(f"role {r.title!r}", r.of) for r in actor.roles]
        for what, ref in refs:
            if ref and ref not in located:
                problems.append(f"{where}: {actor.id} refers to an unknown actor {ref!r} ({what}).")
        if actor.kind == "person" and not actor.gender:
            problems.append(f"{where}: {actor.id} is a person without a gender (needed for pronouns).")
    return problems


def describe(actor: Actor, kb: KnowledgeBase) -> str:
    """What the knowledge base knows of `actor`, as a few lines of text."""
    def name_of(ref: Optional[str]) -> str:
        other = kb.get(ref)
        return other.name if other else (ref or "")

    lines = [f"{actor.name} ({actor.kind}, id {actor.id}{', document-local' if actor.local else ''})"]
    if actor.description:
        lines.append(f"  {actor.description}")
    roles = []
    for r in actor.roles:
        span = f"{r.start or '?'} to {r.end or 'now'}" if (r.start or r.end) else "dates unknown"
        roles.append(f"role: {r.title}{' of ' + name_of(r.of) if r.of else ''}, {span}")
    facts = [
        ("also called", ", ".join(actor.aliases)),
        ("gender", actor.gender),
        ("country", name_of(actor.country) if actor.country else None),
        *((None, role) for role in roles),
        ("demonyms", ", ".join(actor.demonyms)),
        ("capital", actor.capital),
        ("stands for it", ", ".join(actor.metonyms)),
        ("member of", ", ".join(name_of(m) for m in actor.memberships)),
    ]
    lines += [f"  {label}: {value}" if label else f"  {value}" for label, value in facts if value]
    return "\n".join(lines)


def find(kb: KnowledgeBase, name: str) -> list[Actor]:
    """Actors that `name` may mean: by id, name, alias, surname or metonym (for `kb show`)."""
    if name in kb.actors:
        return [kb.actors[name]]
    return kb.by_name(name) or kb.by_surname(name) or kb.by_metonym(name)
