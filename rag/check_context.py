"""What every check of one draft against one jurisdiction reads: the draft, the profile, the notice, the alignment."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .align import Alignment
from .coverage import Passage, passages
from .draft_parse import Draft, DraftSection
from .notice_facts import NoticeFacts
from .records import Profile

_OPTIONAL = re.compile(r"如有|选填|可选|\(可\)")
_COMMITMENT = re.compile(r"承诺|声明")


@dataclass
class CheckContext:
    """One draft held against one jurisdiction."""

    draft: Draft
    profile: Profile
    facts: NoticeFacts
    alignments: list[Alignment]
    shared: dict = field(default_factory=dict)  # per-draft caches shared across jurisdictions

    @cached_property
    def blocks(self) -> list[Passage]:
        """Passages of the draft (computed once per draft)."""
        if "passages" not in self.shared:
            self.shared["passages"] = passages(self.draft)
        return self.shared["passages"]

    def heading(self, section: DraftSection | None) -> str:
        """The draft heading as written ('' for the preamble or none)."""
        return section.heading if section is not None else ""

    @staticmethod
    def is_optional(title: str, quote: str) -> bool:
        """Template marks a section as optional: (如有), (选填) …"""
        return bool(_OPTIONAL.search(title) or _OPTIONAL.search(quote))

    @staticmethod
    def is_commitment(title: str) -> bool:
        """A 承诺书 / 声明 section, which the commitment check handles."""
        return bool(_COMMITMENT.search(title))
