"""What kind of value a question asks for, and whether a clause states one.

"When" wants a date, "how long" a duration, "how many 家" a count of 家, "which
mailbox" an e-mail address. Retrieval adds one ranked list per wanted kind, and the
extractive answer prefers the sentence that states it, so a clause that only shares
the question's words does not outrank the clause that holds the value asked for.
"""

from __future__ import annotations

import re

# classifiers a count is asked in ("几家", "多少字", "几年的财务状况", "分几类")
_UNITS = "个月|家|个|项|年|字|份|类|批|次|名|种|条|页|万元|元|人|天|周"
_NUMERAL = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
_COUNT_OF_YEARS = r"(?<![\d〇零一二两三四五六七八九十])(?:\d{1,2}|[一二两三四五六七八九十]+)\s*年"  # "近3年", never the year "2025年"
_ASKED_UNIT = re.compile(rf"(?:几|多少)\s*({_UNITS})")
_ASKED_UNIT_EN = {"words": "字", "characters": "字", "copies": "份", "years": "年", "units": "家",
                  "organisations": "家", "organizations": "家", "projects": "个", "pages": "页"}
_HOW_MANY_EN = re.compile(r"how many\s+(\w+)(?:\s+(\w+))?", re.I)

_QUESTION = {
    "date": re.compile(r"什么时候|时候|何时|哪天|几号|最晚|最迟|截止|截至|期限|日期|时间|deadline|when|date|due", re.I),
    "duration": re.compile(r"多久|多长时间|几年|周期|how long|duration|period", re.I),
    "number": re.compile(r"几|多少|最多|最少|上限|不超过|限报|名额|字数|how many|how much|maximum|limit", re.I),
    "email": re.compile(r"邮箱|电子邮件|e-?mail", re.I),
    "phone": re.compile(r"电话|联系|咨询|phone|contact|call", re.I),
    "url": re.compile(r"网站|网址|网上|在线|链接|哪里|在哪|website|online|url|portal|where", re.I),
    "address": re.compile(r"地址|邮寄|寄到|寄送|快递|送到|哪里|在哪|address|post|mail to|where", re.I),
}
_CLAUSE = {
    "date": re.compile(r"\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月"),
    "duration": re.compile(r"(?<![\d年])(?:\d{1,2}|[一二两三四五六七八九十]{1,2})(?:个)?(?:年|个月|周)(?!\d)|周期"),
    "number": re.compile(rf"\d+|{_NUMERAL}(?:{_UNITS})"),
    "email": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "phone": re.compile(r"\d{3,4}-\d{7,8}|(?<!\d)1\d{10}(?!\d)|联系人|电话"),
    "url": re.compile(r"https?://|www\.|[\w-]+\.(?:gov|com|cn|org|net)\b|网站|栏目"),
    "address": re.compile(r"[省市区县]\S{0,20}?(?:路|街|大道)\S{0,8}?号|邮编|收件人|邮寄地址"),
}


# in a yes/no question (能不能 / 有没有 / 是否 / …吗) 几 means "a few", it asks no count:
# "能不能几家公司一起申报" asks whether, not how many
_YES_NO = re.compile(r"([\u4e00-\u9fff])[不没]\1|是否|吗\s*[？?]?\s*$")


def answer_types(question_norm: str) -> set[str]:
    """The kinds of value a question asks for; a count names its unit ("number:家")."""
    if _YES_NO.search(question_norm):
        question_norm = question_norm.replace("几", "")
    wanted = {name for name, pattern in _QUESTION.items() if pattern.search(question_norm)}
    units = set(_ASKED_UNIT.findall(question_norm))
    for words in _HOW_MANY_EN.findall(question_norm):  # "how many (paper) copies"
        units |= {_ASKED_UNIT_EN[w.lower()] for w in words if w.lower() in _ASKED_UNIT_EN}
    if units:
        wanted.discard("number")
        wanted |= {f"number:{unit}" for unit in units}
    return wanted


def clause_types(clause_norm: str, wanted: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The kinds of value a clause states, including the counts in `wanted` it states."""
    found = {name for name, pattern in _CLAUSE.items() if pattern.search(clause_norm)}
    for kind in wanted:
        if not kind.startswith("number:"):
            continue
        unit = kind.removeprefix("number:")
        count = _COUNT_OF_YEARS if unit == "年" else rf"{_NUMERAL}\s*(?:个)?{unit}"
        if re.search(count, clause_norm):
            found.add(kind)
    return found


def names_value(word: str, kinds: set[str]) -> bool:
    """Whether a question word only names one of these kinds of value ("电话", "哪天")."""
    for kind in kinds:
        pattern = _QUESTION[kind.split(":")[0]]
        if re.fullmatch(f"(?:{pattern.pattern})+", word, pattern.flags):  # "咨询电话" is all value words
            return True
    return False
