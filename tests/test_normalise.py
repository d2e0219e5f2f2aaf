from rag.normalise import collapse_whitespace, find_normalised, is_verbatim, normalise, normalise_with_map


def test_spaces_inside_chinese_words_are_removed():
    assert normalise("战 略部署 2025 年 10 月 31 日") == "战略部署2025年10月31日"


def test_latin_words_keep_one_space():
    assert normalise("CPMS  产品 and DCMM  test") == "CPMS产品and DCMM test"


def test_page_furniture_and_bookmarks_are_dropped():
    text = "共同\n— 3 —\n推进\n-12 -\n[bookmark: _GoBack]二、主要方向"
    assert normalise(text) == "共同推进二、主要方向"


def test_full_width_and_traditional_forms_fold():
    assert normalise("（一）申報範圍：５家") == "(一)申报范围:5家"


def test_offsets_point_back_to_verbatim_text():
    source = "申报主体须为注册在上海区域内的企业或行业组织,应具 备独立法人资格"
    norm, origin = normalise_with_map(source)
    start = norm.index("具备独立法人资格")
    span = source[origin[start] : origin[start + len("具备独立法人资格") - 1] + 1]
    assert span == "具 备独立法人资格"


def test_find_normalised_and_verbatim_check():
    source = "联合申报单位最多不超过5家。\n\n其他"
    start, end = find_normalised("联合申报单位 最多不超过５家", source)
    assert source[start:end] == "联合申报单位最多不超过5家"
    assert is_verbatim("联合申报单位最多不超过5家。 其他", source)
    assert not is_verbatim("联合申报单位最多不超过6家", source)
    assert collapse_whitespace(" a \n\n b ") == "a b"
