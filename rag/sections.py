"""The section catalogue of a jurisdiction's template: what to write, how long, covering which points.

Built from the requirement profile (never a hand table), so a notice the product has
never seen gets a catalogue too. Each entry says how the whole-application export
treats it: `text` is drafted, `container` only groups the entries after it, `form` is fixed
wording to sign, fields to fill or materials to attach (the export adds any table the
template draws under it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError
from .extract_sections import guidance_points
from .normalise import normalise
from .records import Citation, Profile, Section

# a template asks for prose when it says 请…/介绍/描述/阐述; pledges and signature blocks never do
_INSTRUCTION = re.compile(r"请|介绍|描述|阐述|简述")
# pledges, signature blocks and lists of attachments are filled in by hand, not drafted
_FIXED = re.compile(r"材料$|承诺|意见|签章|推荐情况|表$")
_NUMBERING = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*|表\s*\d+\s*)")
_LIMIT_NOTE = re.compile(r"[(（][^()（）]*\d+\s*字[^()（）]*[)）]\s*$")


@dataclass(frozen=True)
class SectionSpec:
    """One entry of the catalogue: a template section with its limit and points."""

    title: str
    limit: int | None
    unit: str | None
    guidance: str
    points: tuple[str, ...]
    citation: Citation
    parent: str
    kind: str  # text | container | form
    level: int  # 1 for the template's own headings, 2 for those nested under another


def catalogue(profile: Profile) -> list[SectionSpec]:
    """Every template section of the profile, in template order, with points and kind."""
    sections = profile.sections
    root = sections[0].parent if sections else ""
    specs = []
    for i, section in enumerate(sections):
        later = sections[i + 1 :]
        specs.append(
            SectionSpec(
                title=section.title,
                limit=section.limit,
                unit=section.unit or ("字" if section.limit else None),
                guidance=section.guidance,
                points=section_points(section),
                citation=section.citation,
                parent=section.parent,
                kind=_kind(section, later),
                level=1 if section.parent == root or (section.parent.startswith("附件") and section.parent != root) else 2,
            )
        )
    return specs


def section_points(section: Section) -> tuple[str, ...]:
    """The points a section must cover: the profile's, else split from its guidance, else its title."""
    if section.points:
        return tuple(section.points)
    split = [p for p in guidance_points(section.guidance) if len(p) <= 30]
    return tuple(split) if 1 < len(split) <= 8 else (bare_title(section.title),)


def _kind(section: Section, later: list[Section]) -> str:
    if section.limit is not None:
        return "text"
    guidance = normalise(section.guidance)
    # a heading whose guidance holds a later limited section's guidance only groups that section
    if any(s.limit is not None and s.guidance and normalise(s.guidance) in guidance for s in later):
        return "container"
    if _FIXED.search(section.title) or section.guidance.startswith("本单位"):
        return "form"
    if _INSTRUCTION.search(section.guidance) or len(section.points) >= 3:
        return "text"
    return "form"


def bare_title(title: str) -> str:
    """A heading without its numbering and its (不超过1000字) note."""
    text = _LIMIT_NOTE.sub("", normalise(title))
    return _NUMBERING.sub("", text).strip(" :：")


def find_section(profile: Profile, title: str) -> SectionSpec:
    """The catalogue entry a user-typed title names; InputError listing the sections when none does."""
    specs = catalogue(profile)
    wanted = bare_title(title)
    if not wanted:
        raise InputError(_unknown(profile, specs, title))
    exact = [s for s in specs if bare_title(s.title) == wanted]
    if exact:
        return _prefer_limited(exact)
    # "运营模式" names "运营模式"; "空间生态培育" names "运营模式：空间生态培育方面的思路举措"
    contained = [s for s in specs if wanted in bare_title(s.title) or bare_title(s.title) in wanted]
    if contained:
        return _prefer_limited(sorted(contained, key=lambda s: abs(len(bare_title(s.title)) - len(wanted))))
    scored = sorted(((_overlap(wanted, bare_title(s.title)), i) for i, s in enumerate(specs)), reverse=True)
    if scored and scored[0][0] >= 0.6:
        return specs[scored[0][1]]
    raise InputError(_unknown(profile, specs, title))


def _prefer_limited(candidates: list[SectionSpec]) -> SectionSpec:
    limited = [s for s in candidates if s.limit is not None]
    return (limited or candidates)[0]


def _overlap(a: str, b: str) -> float:
    """Share of a's character bigrams found in b (tolerates 的/和 and word-order slips)."""
    grams = {a[i : i + 2] for i in range(len(a) - 1)}
    other = {b[i : i + 2] for i in range(len(b) - 1)}
    return len(grams & other) / len(grams) if grams else 0.0


def _unknown(profile: Profile, specs: list[SectionSpec], title: str) -> str:
    listed = "、".join(s.title + (f"（{s.limit}字）" if s.limit else "") for s in specs) or "（无）"
    return f"{profile.name}申报书中没有章节“{title}”，可选：{listed} / unknown section {title!r}"
