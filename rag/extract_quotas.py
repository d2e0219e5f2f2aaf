"""Quotas: how many projects a recommender or applicant may submit, how many joint applicants."""

from __future__ import annotations

import re

from .clauses import DocView
from .numerals import NUMBER, parse_number
from .records import Quota

_CAPS = (
    re.compile(rf"限(?:报送|报|推荐|申报)\s*(?P<n>{NUMBER})\s*(?:个|项|家)"),
    # 只能申报1个 / 只能牵头或参与1个项目
    re.compile(rf"(?:仅限|只能|限|最多|至多)(?:可|可以)?(?:牵头|独立|择优|参与|申报|报送|推荐|或|和){{1,4}}\s*(?P<n>{NUMBER})\s*(?:个|项)"),
    # 哈尔滨市可放宽至6个: a larger cap for named recommenders
    re.compile(rf"(?:放宽|增加|提高)(?:至|到)\s*(?P<n>{NUMBER})\s*(?:个|项|家)"),
    # 各市推荐数量控制在5个以内 / 推荐上限为3项
    re.compile(rf"(?:控制在|上限(?:为)?)\s*(?P<n>{NUMBER})\s*(?:个|项|家)(?:以内)?"),
    re.compile(rf"(?:最多|原则上)?(?:不超过|不得超过|不多于|最多)\s*(?:不超过)?\s*(?P<n>{NUMBER})\s*(?:个|家|项)(?![^，,。]{{0,2}}字)"),
    re.compile(rf"(?:名额|数量)(?:为|不超过|限)\s*(?P<n>{NUMBER})\s*(?:个|项|家)?"),
)


def extract_quotas(view: DocView) -> list[Quota]:
    """Numeric caps the notice sets on projects and joint applicants."""
    quotas: list[Quota] = []
    for sentence in view.sentences:
        if sentence.part:
            continue
        for piece in sentence.strip_label().pieces():
            for pattern in _CAPS:
                m = pattern.search(piece.text)
                if not m:
                    continue
                value = parse_number(m.group("n"))
                if value is None or re.search(r"万元|字|页|MB|天|日|年|月", piece.text[m.end(): m.end() + 2]):
                    continue
                quotas.append(Quota(piece.text, view.cite(piece), kind=_kind(piece.text, sentence.text), value=value))
                break
    return quotas


def _kind(text: str, sentence: str) -> str:
    if re.search(r"联合|(?:参与|成员|合作)单位", text):
        return "joint_max"
    if re.search(r"申报主体|申报单位|申请单位|每个申报|每家(?:企业|单位)", text):
        return "projects_per_applicant"
    if re.search(r"每个|各(?:省|市|区|地)|推荐|中央企业|单列市|兵团|省属", text + sentence[:20]):
        return "projects_per_recommender"
    return "other"
