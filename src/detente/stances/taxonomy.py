r"""Issue taxonomies: the contested questions of one negotiation or debate, as data.

A taxonomy is a YAML file::

    name: ukraine-peace-2025          # what --issues calls it
    label: Ukraine peace negotiation, 2025
    vocabulary:                       # named sub-patterns, used as {ukraine} in cues
      ukraine: "ukrain\\w*|kyiv"
    issues:
      - id: territorial-concessions   # lower-case, hyphenated
        label: Territorial concessions
        support: what an actor who supports the issue favours (a precise sentence)
        oppose: what opposing it means (optional)
        support_sounds_like: [example sentences]       # optional, documentation and tests
        oppose_sounds_like: [example sentences]        # optional
        keywords: [words an analyst would search for]  # optional
        actors: [actors usually involved]              # optional
        cues:                         # optional: precision aids
          support: [patterns that state the supported position by themselves]
          oppose: [patterns that state the opposite position by themselves]
          mentions: [patterns that name the subject; need a stance word to take a side]

Only ``id``, ``label`` and ``support`` are required. An issue without ``cues`` is
recognised by its profile (``stances.profile``), built from the words of its label,
keywords, meanings and examples; an issue with cues, by its patterns. Patterns are
case-insensitive regular expressions matched within a sentence; " ... " stands for a gap
of up to six words, a space for one or more, ``(?:\w+ )`` for a word that may hold
apostrophes and hyphens, and ``{name}`` for a vocabulary entry.

``load_taxonomy(name_or_path)`` takes the name of a shipped taxonomy (a YAML file in
``stances/taxonomies``) or a path to a user's file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from re import _constants as re_constants  # type: ignore[attr-defined]
from re import _parser as re_parser  # type: ignore[attr-defined]  # the standard library's own pattern parser
from typing import NoReturn, Optional

import yaml

from detente.errors import TaxonomyError
from detente.lang.en import NEGATORS
from detente.stances.profile import Profile, build_profiles

TAXONOMY_DIR = Path(__file__).parent / "taxonomies"
GAP = r"(?:\W+[\w'’-]+){0,6}?\W+"
CUE_KINDS = ("support", "oppose", "mentions")
NEGATOR = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(NEGATORS, key=len, reverse=True))))
ISSUE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Letters that ignore-case matching takes for an ASCII letter that str.lower() does not give.
CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")


PROFILE_SOURCE = "(profile)"  # the source of a cue that stands for a profile's match


@dataclass(frozen=True)
class Cue:
    """A compiled pattern of an issue: `kind` is support, oppose or mentions."""

    issue: str
    kind: str
    source: str
    pattern: re.Pattern
    clues: tuple[str, ...] = ()  # strings one of which every match holds (see `clues`)
    negating: Optional[bool] = None  # whether the phrase's words negate, when known without `source`
    removed: bool = False  # the phrase names what the supported position takes away ("sanctions")

    def may_occur(self, lowered: Optional[str]) -> bool:
        """False when the pattern cannot match the text `clue_text` gave `lowered`
        (it holds none of the clues); True when it may, or when `lowered` is None."""
        return lowered is None or not self.clues or any(c in lowered for c in self.clues)

    @property
    def polarity(self) -> int:
        """+1 when the phrase denotes the supported position, -1 for the opposite one (or
        names what the supported position takes away)."""
        return -1 if self.kind == "oppose" or self.removed else 1

    @property
    def spells_negation(self) -> bool:
        """Whether the pattern's own words negate ("no military solution"): a negation
        it covers is then its meaning, not something said about it."""
        return self.negating if self.negating is not None else bool(NEGATOR.search(self.source))

    @property
    def needs_stance_word(self) -> bool:
        """A mention takes a side only under a stance word (reject, must, not ...)."""
        return self.kind == "mentions"

    @property
    def negation_is_blind(self) -> bool:
        """Whether a negation alone leaves a mention without a side: so for a topic word
        an issue's profile found, where the negated verb over it may mean either side
        ("will not buy", "will not sell"), unlike a pattern, whose words the analyst chose."""
        return self.needs_stance_word and self.source == PROFILE_SOURCE


@dataclass(frozen=True)
class Issue:
    """One contested question, with what supporting it means and how it sounds."""

    id: str
    label: str
    support: str
    cues: tuple[Cue, ...]
    oppose: Optional[str] = None
    keywords: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    support_sounds_like: tuple[str, ...] = ()
    oppose_sounds_like: tuple[str, ...] = ()
    profile: Optional[Profile] = None  # how the issue is recognised without cues

    def matches(self, text: str) -> bool:
        """Whether any cue of this issue occurs in `text` (without cues: whether its
        profile recognises the issue in it)."""
        if not self.cues:
            return self.profile is not None and self.profile.matches(text)
        return any(c.pattern.search(normalise(text)) for c in self.cues)


@dataclass(frozen=True)
class Taxonomy:
    """The issues of one negotiation or debate."""

    name: str
    label: str
    issues: tuple[Issue, ...]
    source: str
    description: str = ""
    vocabulary: dict = field(default_factory=dict)

    def issue(self, issue_id: str) -> Issue:
        """The issue with id `issue_id`."""
        for issue in self.issues:
            if issue.id == issue_id:
                return issue
        raise KeyError(f"The taxonomy {self.name!r} has no issue {issue_id!r}.")

    @property
    def cues(self) -> list[Cue]:
        return [c for issue in self.issues for c in issue.cues]

    @property
    def profiles(self) -> list[Profile]:
        """The profiles of the issues that have no cues."""
        return [issue.profile for issue in self.issues if not issue.cues and issue.profile is not None]


def normalise(text: str) -> str:
    """Text as cues see it, of the same length as `text`: apostrophes made straight,
    quotation marks made spaces (cues match across "be “closely involved”")."""
    chars = list(text)
    for i, char in enumerate(chars):
        if char in "“”\"«»":
            chars[i] = " "
        elif char in "‘’":
            inner = 0 < i < len(chars) - 1 and chars[i - 1].isalnum() and text[i + 1].isalnum()
            chars[i] = "'" if inner else " "
    return "".join(chars)


def clue_text(text: str) -> Optional[str]:
    """`text` lower-cased, for `Cue.may_occur`; None where it holds a letter that
    ignore-case matching equates with an ASCII letter that lower() does not give."""
    return None if CASE_TRAPS.search(text) else text.lower()


def clues(pattern: re.Pattern) -> tuple[str, ...]:
    """Lower-case ASCII strings one of which every match of `pattern` contains (none when
    the pattern has no such strings): a quick test that rules a text out before the
    pattern runs."""
    return tuple(sorted(_required(re_parser.parse(pattern.pattern, pattern.flags)) or ()))


def _required(items) -> Optional[set[str]]:
    """Strings one of which every match of the parsed pattern `items` contains, the set
    with the longest shortest string; None when nothing is known to be required."""
    best: Optional[set[str]] = None
    run = ""

    def consider(found: Optional[set[str]]) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, arg in [*items, (None, None)]:
        if op is re_constants.LITERAL and arg < 128:
            run += chr(arg).lower()
            continue
        consider({run} if run else None)
        run = ""
        if op is re_constants.SUBPATTERN:
            consider(_required(arg[-1]))
        elif op is re_constants.ATOMIC_GROUP:
            consider(_required(arg))
        elif op is re_constants.BRANCH:
            options = [_required(branch) for branch in arg[1]]
            consider(set().union(*(o for o in options if o)) if all(options) else None)
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT) and arg[0] >= 1:
            consider(_required(arg[2]))
    return best


def shipped() -> list[str]:
    """Names of the taxonomies that ship with Détente."""
    return sorted(p.stem for p in TAXONOMY_DIR.glob("*.yaml"))


def resolve(name_or_path: str) -> Path:
    """The file of a shipped taxonomy name, or the path a user gave."""
    if name_or_path in shipped():
        return TAXONOMY_DIR / f"{name_or_path}.yaml"
    path = Path(name_or_path).expanduser()
    if path.is_file():
        return path
    raise TaxonomyError(
        f"No issue taxonomy called {name_or_path!r}: give the name of a shipped one "
        f"({', '.join(shipped())}) or the path of a YAML file."
    )


def load_taxonomy(name_or_path: str) -> Taxonomy:
    """Load and validate a taxonomy by shipped name or file path."""
    path = resolve(name_or_path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise TaxonomyError(f"{path}: cannot read the taxonomy: {err}") from err
    return parse_taxonomy(data, str(path))


def parse_taxonomy(data: object, source: str) -> Taxonomy:
    """Build a Taxonomy from parsed YAML, naming the file and field of any error."""
    where = _Where(source)
    if not isinstance(data, dict):
        where.fail("", "the file must hold a mapping with `name` and `issues`")
    vocabulary = data.get("vocabulary") or {}
    if not isinstance(vocabulary, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in vocabulary.items()
    ):
        where.fail("vocabulary", "must map names to pattern strings")
    issues_data = data.get("issues")
    if not isinstance(issues_data, list) or not issues_data:
        where.fail("issues", "must be a non-empty list of issues")
    issues: list[Issue] = []
    seen = set()
    for n, item in enumerate(issues_data):
        issue = _parse_issue(item, f"issues[{n}]", vocabulary, where)
        if issue.id in seen:
            where.fail(f"issues[{n}].id", f"the id {issue.id!r} is used twice")
        seen.add(issue.id)
        issues.append(issue)
    profiles = build_profiles([
        {"id": i.id, "label": i.label, "support": i.support, "oppose": i.oppose, "keywords": i.keywords,
         "support_sounds_like": i.support_sounds_like, "oppose_sounds_like": i.oppose_sounds_like}
        for i in issues
    ])
    issues = [replace(i, profile=profiles[i.id]) for i in issues]
    return Taxonomy(
        name=_text(data, "name", "", where),
        label=str(data.get("label") or data.get("name")),
        description=str(data.get("description") or "").strip(),
        issues=tuple(issues),
        source=source,
        vocabulary=dict(vocabulary),
    )


class _Where:
    """Raises TaxonomyError messages that name the file and the field."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, field_path: str, problem: str) -> NoReturn:
        at = f", field `{field_path}`" if field_path else ""
        raise TaxonomyError(f"{self.source}{at}: {problem}.")


def _text(data: dict, key: str, prefix: str, where: _Where) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        where.fail(f"{prefix}{key}", "is required and must be a non-empty string")
    return " ".join(value.split())


def _strings(data: dict, key: str, prefix: str, where: _Where) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        where.fail(f"{prefix}{key}", "must be a list of strings")
    return tuple(value)


def _parse_issue(item: object, at: str, vocabulary: dict, where: _Where) -> Issue:
    if not isinstance(item, dict):
        where.fail(at, "each issue must be a mapping with `id`, `label` and `support`")
    prefix = f"{at}."
    issue_id = _text(item, "id", prefix, where)
    if not ISSUE_ID.match(issue_id):
        where.fail(f"{prefix}id", f"{issue_id!r} must be lower-case words joined by hyphens")
    cues_data = item.get("cues") or {}
    if not isinstance(cues_data, dict):
        where.fail(f"{prefix}cues", "must map `support`, `oppose` or `mentions` to lists of patterns")
    unknown = set(cues_data) - set(CUE_KINDS)
    if unknown:
        where.fail(f"{prefix}cues", f"unknown kind {sorted(unknown)[0]!r} (use support, oppose, mentions)")
    cues = []
    for kind in CUE_KINDS:
        for n, source in enumerate(_strings(cues_data, kind, f"{prefix}cues.", where)):
            pattern = _compile(source, vocabulary, f"{prefix}cues.{kind}[{n}]", where)
            cues.append(Cue(issue=issue_id, kind=kind, source=source, pattern=pattern, clues=clues(pattern)))
    return Issue(
        id=issue_id,
        label=_text(item, "label", prefix, where),
        support=_text(item, "support", prefix, where),
        oppose=" ".join(str(item["oppose"]).split()) if item.get("oppose") else None,
        cues=tuple(cues),
        keywords=_strings(item, "keywords", prefix, where),
        actors=_strings(item, "actors", prefix, where),
        support_sounds_like=_strings(item, "support_sounds_like", prefix, where),
        oppose_sounds_like=_strings(item, "oppose_sounds_like", prefix, where),
    )


def _compile(source: str, vocabulary: dict, at: str, where: _Where) -> re.Pattern:
    def expand(match: re.Match) -> str:
        name = match.group(1)
        if name not in vocabulary:
            where.fail(at, f"uses {{{name}}}, which the vocabulary does not define")
        return f"(?:{vocabulary[name]})"

    text = re.sub(r"\{([a-z_]+)\}", expand, source).replace(" ... ", GAP)
    text = text.replace(r"(?:\w+ )", r"(?:[\w'-]+ )").replace(" ", " +")
    try:
        return re.compile(rf"(?<![\w-])(?:{text})(?![\w])", re.IGNORECASE)
    except re.error as err:
        where.fail(at, f"is not a valid regular expression ({err})")
