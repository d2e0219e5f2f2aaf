"""Findings of a draft check and their summary (the `check` JSON shape in SPEC.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .records import Citation

STATUSES = ("ok", "missing", "weak", "over_limit", "invalid")
SEVERITIES = ("blocking", "major", "minor", "info")


@dataclass(frozen=True)
class Finding:
    """One checked item: its status, how serious a gap is, the draft's evidence and the clause."""

    item: str
    status: str  # ok | missing | weak | over_limit | invalid
    severity: str  # blocking | major | minor | info
    section: str  # the draft section it concerns ("" when none)
    evidence: str  # verbatim draft text, a count such as "1180 / 1000 字", or why nothing was found
    citation: Citation | None
    fix: str
    check: str  # section | limit | point | task | field | commitment | joint | direction | material | window
    note: str = ""  # e.g. a model verdict that was discarded

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; the citation without its jurisdiction (SPEC: doc_id, section, page, quote)."""
        data = asdict(self)
        if self.citation is not None:
            data["citation"] = {k: v for k, v in asdict(self.citation).items() if k != "jurisdiction"}
        return data


@dataclass
class JurisdictionResult:
    """Findings of one draft against one jurisdiction's requirement profile."""

    jurisdiction: str
    name: str
    window: str
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, int]:
        """Counts of gaps (status other than ok) by severity; info is not counted."""
        out = {"blocking": 0, "major": 0, "minor": 0}
        for finding in self.findings:
            if finding.status != "ok" and finding.severity in out:
                out[finding.severity] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """The SPEC result shape plus name, window and notices."""
        return {
            "jurisdiction": self.jurisdiction,
            "name": self.name,
            "window": self.window,
            "summary": self.summary(),
            "findings": [f.to_dict() for f in self.findings],
            "notices": list(self.notices),
        }


def gap(item: str, status: str, severity: str, section: str, evidence: str, citation: Citation | None,
        fix: str, check: str, note: str = "") -> Finding:
    """A finding, validating status and severity (a typo here would silently break summaries)."""
    if status not in STATUSES or severity not in SEVERITIES:
        raise ValueError(f"bad finding status/severity: {status}/{severity}")
    return Finding(item, status, severity, section, evidence, citation, fix, check, note)
