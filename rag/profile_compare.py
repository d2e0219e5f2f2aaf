"""Side-by-side comparison of jurisdictions' requirement profiles (matrix and CSV)."""

from __future__ import annotations

import csv
import io

from .records import Profile

ASPECTS = (
    ("who", "申报主体 / who may apply"),
    ("registration", "注册地 / registration"),
    ("deadline", "截止时间 / deadline"),
    ("window", "申报窗口 / window"),
    ("channel", "提交方式 / channel"),
    ("joint", "联合申报 / joint applications"),
    ("quotas", "名额限制 / quotas"),
    ("sections", "字数限制 / sections with limits"),
)


def compare_profiles(profiles: list[Profile]) -> list[dict[str, str]]:
    """One row per aspect, one column per jurisdiction: {'aspect': …, '<jurisdiction>': …}."""
    rows = []
    for key, label in ASPECTS:
        row = {"aspect": label}
        for profile in profiles:
            row[profile.jurisdiction] = _cell(profile, key)
        rows.append(row)
    return rows


def comparison_csv(rows: list[dict[str, str]]) -> str:
    """The comparison matrix as CSV text (UTF-8, header row first)."""
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _cell(profile: Profile, key: str) -> str:
    items = profile.eligibility
    if key == "who":
        texts = [e.text for e in items if e.kind in ("entity_type", "legal_form", "operator_role")]
        return "；".join(dict.fromkeys(texts))
    if key == "registration":
        return "；".join(e.text for e in items if e.kind == "registration_place")
    if key == "deadline":
        return "；".join(
            f"{d.date}{' ' + d.time if d.time else ''}（{'申报单位' if d.who == 'applicant' else '推荐单位'}）" for d in profile.deadlines
        )
    if key == "window":
        return f"{profile.status.window}（{profile.status.as_of}）"
    if key == "channel":
        return "；".join(f"{s.channel}: {s.detail}" for s in profile.submission if s.channel in ("online", "email", "post", "paper"))
    if key == "joint":
        return "；".join(e.text for e in items if e.kind == "joint_rule")
    if key == "quotas":
        return "；".join(q.text for q in profile.quotas)
    if key == "sections":
        return "；".join(f"{s.title} ≤{s.limit}字" for s in profile.sections if s.limit is not None)
    return ""
