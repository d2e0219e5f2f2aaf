"""How to submit: online system and URL, email and subject format, post/EMS, paper copies, seals."""

from __future__ import annotations

import re

from .clauses import DocView, Span
from .coverage import bigrams
from .numerals import NUMBER, parse_number
from .records import Submission

URL = re.compile(r"https?://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+|www\.[A-Za-z0-9.-]+\.[a-z]{2,}[A-Za-z0-9/._-]*")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_ONLINE = re.compile(r"网上申报|在线申报|在线填报|在线填写|网上填报|系统(?:中|内|上)?(?:申报|填报|提交)|平台(?:中|内|上)?(?:申报|填报|提交)|登录[^，,。]{0,20}(?:系统|平台|网)")
_POST = re.compile(r"EMS|邮寄|快递|寄送|寄至|挂号信")
_PAPER = re.compile(rf"纸质(?:版|材料|文件|件)?[^，,。]{{0,4}}(?:一式)?\s*(?:{NUMBER})\s*份|一式\s*(?:{NUMBER})\s*份|纸质(?:版|材料|文件)")
_COPIES = re.compile(rf"一式\s*(?:{NUMBER})\s*份|纸质(?:版|材料|文件|件)?[^，,。]{{0,4}}\s*(?:{NUMBER})\s*份")
# how the paper copy is printed and bound: A4纸双面打印、胶装成册
_PRINT = re.compile(r"[双单]面打印|胶装|装订成册|装订成本|A4(?:纸|幅面|规格)|按(?!以下|下列|如下)[^，,。；;]{0,10}顺序装订")
# a seal the notice demands (须加盖公章, 须…签章), not a signature line of a form
_SEAL_RULE = re.compile(r"(?:须|需|应|必须|要求)[^，,。]{0,20}(?:加盖|盖章|签章|公章|签字|签名)")
# a seal stated as an action even without a modal: 逐页加盖单位公章, 在封面和骑缝处加盖公章, 加盖骑缝章
_SEAL_ACT = re.compile(
    r"逐页加盖|骑缝|加盖[^，,。]{0,10}?(?:公章|印章|章)|(?:盖章|签章)(?:确认|后报送|后提交)|(?:由|经|须|需|并|应)(?:法定代表人|负责人)[^，,。：:|]{0,12}签(?:字|名)(?!的)|(?:法定代表人|负责人)[^，,。：:|]{1,12}签(?:字|名)(?!的)"
)
_SEAL_LINE = re.compile(r"^(?P<who>[^，,。:：()（）]{2,12}?)\s*[(（](?:盖章|签章|公章|加盖公章)[)）]")
_NAMING = re.compile(r"(?:主题|标题|文件名|命名|名称)[^，,。]{0,6}[“\"「『].+?[”\"」』]|[“\"「『].+?[”\"」』][^，,。]{0,8}(?:命名|格式)|以[^，,。]{2,12}命名")
_ENVELOPE = re.compile(r"信封|(?:档案袋|文件袋|资料袋)[^，,。]{0,4}注明")
_FORMAT = re.compile(r"扫描(?:版|件|后?上传)|可编辑版|word|PDF|pdf|电子版[^，,。]{0,4}(?:一份|1份)")
_DELIVER = re.compile(
    r"(?:(?:发送|报送|提交|送达|递交|寄送)(?:至|到|(?=所在)|(?=注册地所在))|(?<![申填上汇呈])报(?=所在)"
    r"|(?:(?<=直接)|(?<=统一)|(?<=汇总后)|(?<=审核后)|(?<=初审后))(?:报送|提交|递交|送达|送至|报|送|向(?=[^，,。；;]{2,20}(?:申报|报送|提交)))|抄送(?:至|到)?"
    # 市属国有企业集团送市数据管理局数字经济科: papers taken straight to an office
    r"|(?<![发报递寄输运赠护抄])送(?=[^，,。；;]{2,20}(?:局|厅|委|办|处|科|部门|中心)(?:[，,。；;]|$))"
    # 连同申报材料一并报送市数据资源局 (an office), not 一并报送推荐函 (what is sent)
    r"|(?<=一并)(?:报送|提交|递交|报)(?=[^，,。；;]{0,20}(?:局|厅|委|办|处|部门|中心)(?:[，,。；;]|$)))(?P<to>[^，,。]{2,30})"
)
# 将申报材料报所在地市州数据局 / 将推荐函和申报材料统一报送至省数据局: where the papers go
_HAND_TO = re.compile(r"将[^，,。]{2,30}?(?:报|报送|提交|递交|送)(?:至|到)?(?P<to>所在[^，,。]{2,20}|[^，,。]{2,20}?(?:局|厅|委|办|处|部门|中心))")
# an online channel named as a system or platform, stated together with its deadline
# online filing named only as the time of another step: 与网上申报同步报送… / 在网上申报的同时
_ALONGSIDE = re.compile(r"与(?:网上|在线)(?:申报|填报)同步|(?:网上|在线)(?:申报|填报)的?同时")
_VIA_SYSTEM = re.compile(r"(?:通过|登录|登陆)[^，,。]{2,30}(?:系统|平台|网站|网)")
# 纸质材料与平台填报内容不一致的，以平台填报内容为准: which copy prevails on a discrepancy
_PREVAILS = re.compile(r"(?:不一致|不相符|不符|有出入)的?[^。；;]{0,6}以[^，,。；;]{1,20}为准")
# a system announced as opening (申报系统于11月25日起开放): the next sentence may say how to file
_OPENING = re.compile(r"开放|开通|上线|启用")
# a heading-like clause that still states a rule: （二）申报书须逐页加盖单位公章。
_RULE_IN_HEADING = re.compile(r"须|应|需|必须|一式|加盖|打印|装订")


def extract_submissions(views: list[DocView]) -> list[Submission]:
    """Submission channels of a jurisdiction's documents (a notice and its separately filed
    forms): one rule stated in two documents is kept once, and a form's signature lines
    stand for the seal only when no document states a seal rule."""
    stated = [extract_submission(view, signature_lines=False) for view in views]
    if not any(s.channel == "seal" for items in stated for s in items):
        stated = [extract_submission(view) for view in views]
    return _dedupe([s for items in stated for s in items])


def extract_submission(view: DocView, signature_lines: bool = True) -> list[Submission]:
    """Submission channels and formalities stated in one document."""
    items: list[Submission] = []
    seal_rules = 0 if signature_lines else 1
    announced: tuple[int, Span] | None = None  # (item index, sentence) of a system's opening
    for sentence in view.sentences:
        if announced and announced[1].para == sentence.para and _ONLINE.search(sentence.text):
            # 系统（https://…）于11月25日起开放。请于12月18日前登录系统完成网上填报: the address and
            # how to file through it are one channel, cited together
            at, opening = announced
            items[at] = Submission("online", items[at].detail, view.cite(view.between(opening.strip_label(), sentence)))
            online_said = True
        else:
            online_said = False
        announced = None
        if view.is_heading_text(sentence) and not _RULE_IN_HEADING.search(sentence.text):
            continue
        if _PREVAILS.search(sentence.text):
            continue  # which copy prevails when two disagree: no step of the submission
        url_said = False
        for piece in sentence.strip_label().pieces():
            # what the sentence says before this piece (联系人：王工，电话：…，邮箱：…)
            lead = sentence.text[: sentence.origin.index(piece.origin[0])] if piece.origin else ""
            heading = sentence.path[-1] if sentence.path else ""
            for channel, detail in _classify(piece, heading + "。" + lead, url_said or online_said):
                if channel == "seal" and sentence.part and _RECOMMENDER.match(sentence.strip_label().text):
                    continue  # the recommender's seal on its opinion in the form, not the applicant's
                url_said = url_said or channel == "online" and bool(URL.search(detail))
                # seal and paper rules are cited whole: 盖章处，须加盖公章，复印无效 / A4纸双面打印，一式两份;
                # a long sentence that also says when and where to send: the seal's own clause
                where = sentence.strip_label() if channel in ("seal", "paper") else piece
                if channel == "seal" and len(where.text) > 40:
                    where = _seal_clause(view, sentence.strip_label(), piece)
                seal_rules += channel == "seal"
                if channel == "online" and URL.search(detail) and _OPENING.search(sentence.text):
                    announced = (len(items), sentence)
                items.append(Submission(channel, detail if channel != "seal" else where.text.rstrip("。"), view.cite(where)))
            items += _steps_within(view, piece)
    if not seal_rules:
        # no stated seal rule: the form's own signature lines (申请单位（盖章）) say who seals
        for line in view.lines:
            m = _SEAL_LINE.match(line.norm)
            if re.search(r"推荐|主管|审核|初审", m.group("who") if m else ""):
                continue  # the recommender's seal on its own summary sheet, not the applicant's
            if line.part and m and not any(s.channel == "seal" and m.group("who") in s.detail for s in items):
                span = Span(line.norm, line.origin, line.path, line.part)
                items.append(Submission("seal", f"{m.group('who')}盖章", view.cite(span)))
    return _dedupe(items)


def _seal_clause(view: DocView, sentence: Span, piece: Span) -> Span:
    """The seal piece of a long sentence, with a following 复印无效 / 否则无效 that belongs to it."""
    pieces = sentence.pieces()
    at = next((i for i, p in enumerate(pieces) if p.origin == piece.origin), None)
    if at is not None and at + 1 < len(pieces) and re.search(r"无效$|不予受理$", pieces[at + 1].text):
        return view.between(piece, pieces[at + 1])
    return piece


def _classify(piece: Span, lead: str = "", url_said: bool = False) -> list[tuple[str, str]]:
    """(channel, detail) pairs a piece states; one piece may give an address and a naming rule.
    With `url_said` the sentence already gave the system's address: 在线填报并上传…扫描件 after it
    states no channel again, only what is uploaded."""
    text = piece.text
    if piece.part and ("□" in text or len(text) < 4 or _SEAL_LINE.match(text)):
        return []
    out: list[tuple[str, str]] = []
    emails = EMAIL.findall(text)
    urls = [u for u in URL.findall(text) if "@" not in u]
    if emails and not _contact_only(text, lead):
        out.append(("email", "、".join(emails)))
    if urls and not _reference_only(text):
        out.append(("online", urls[0].rstrip(")）")))
    elif (
        _ONLINE.search(text)
        and not url_said
        and not piece.part
        and not _CONSISTENT.search(text)
        and not _DUTY.search(text)
        and not re.search(r"(?:完成|结束)后$", text)  # 网上申报完成后，…: the step after it, not the channel
        and not _reference_only(text)
        and not (_ALONGSIDE.search(text) and _is_delivery(text))
        and (_VIA_SYSTEM.search(text) or not re.search(r"截止|\d+月\d+日", text))
    ):
        out.append(("online", text))
    if _POST.search(text) and not re.search(r"(?:不接受|不受理|不得|不予受理|谢绝)[^，,。]{0,6}(?:EMS|邮寄|快递|寄送)", text):
        address = re.search(r"[(（](?P<a>[^()（）]{6,60})[)）]", text)
        out.append(("post", address.group("a") if address else text))
    # the copies wherever they are said (纸质材料：申报表…打印一式一份), before a bare 纸质材料
    paper = _COPIES.search(text) or _PAPER.search(text)
    if paper and not re.search(r"份|打印|装订", paper.group(0)) and not _PAPER_DEMAND.search(text):
        paper = None  # 纸质材料由推荐单位统一收齐后: a mention, not a rule on the paper copies
    if paper and not re.search(r"份|打印|装订", paper.group(0)) and _is_delivery(text):
        paper = None  # 将推荐汇总表及纸质材料报送…处: where the papers go, not a rule on the paper copies
    if paper and re.search(r"不(?:再)?收取|不接收|无需|不需要|不需|不用", text):
        out.append(("other", text))  # 本次申报不收取纸质材料: how to submit, stated by what is not wanted
        paper = None
    if paper and not piece.part:
        copies = re.search(rf"(?:一式)?\s*({NUMBER})\s*份", paper.group(0))
        out.append(("paper", f"纸质版{parse_number(copies.group(1))}份" if copies else paper.group(0)))
    elif _PRINT.search(text) and not piece.part:
        out.append(("paper", _PRINT.search(text).group(0)))  # type: ignore[union-attr]
    if _is_seal_rule(text):
        if not _RECOMMENDER_PAPER.search(text):
            out.append(("seal", text))
        elif _SENT_TO_OFFICE.search(re.sub(r"[(（][^()（）]*[)）]$", "", text)) or EMAIL.search(text) or re.search(r"(?:发送|发|报送)至?[^，,。；;]{0,4}邮箱", text):
            out.append(("other", text))  # 将推荐汇总表盖章后报送市数据局 / 发送至邮箱: the recommender's sending step
        else:
            out.append(("seal", text))
    # the recommender's sealed papers sent on (将加盖公章的推荐函和汇总表电子版发送至邮箱): its sending step
    sealed_papers = _RECOMMENDER_PAPER.search(text) and re.search(r"加盖[^，,。]{0,4}(?:公章|印章)", text)
    if all(c == "email" for c, _ in out) and not piece.part and sealed_papers and re.search(r"(?:发送|报送|上传|提交|递交|寄送)(?:至|到)", text) and not _ONWARD.search(text):
        out.append(("other", text))
    # the recommender's own step on the platform: 完成网上推荐 / 通过平台提交推荐意见 / 通过平台完成推荐确认
    if _RECOMMENDS_ONLINE.search(text) and not piece.part and not _ONWARD.search(text) and not out:
        out.append(("other", text))
    # naming rules and envelopes always; file formats and delivery points only when nothing else was said
    plain = not out and not piece.part and (_is_format(text) or _is_delivery(text))
    # the paper copy must match what was filed online: 纸质材料与网上填报内容须保持一致
    consistent = not piece.part and _CONSISTENT.search(text) and re.search(r"纸质|网上|系统|电子", text)
    if _NAMING.search(text) or _ENVELOPE.search(text) or plain or consistent:
        out.append(("other", text))
    return out


def _steps_within(view: DocView, piece: Span) -> list[Submission]:
    """The routing a piece states beside its paper copies or seal (纸质材料一式两份加盖单位公章后
    报送至所在设区市主管部门): a step of delivery of its own."""
    text = piece.text
    if piece.part:
        return []
    found = _classify(piece)
    channels = {c for c, _ in found}
    out: list[Submission] = []
    if channels & {"paper", "seal"} and "other" not in channels and not _ONWARD.search(text):
        m = _DELIVER.search(text)
        if m and not re.search(r"邮箱|邮件", m.group("to") or ""):
            span = piece.sub(m.start(), m.end())
            out.append(Submission("other", span.text, view.cite(span)))
    return out


# a statement that two versions agree (纸质材料应与系统上传材料一致), not a channel of its own
_CONSISTENT = re.compile(r"与[^，,。；;]{1,15}?(?:保持|相)?一致")
# who in a consortium files (由牵头单位负责系统填报): a division of duties, not the channel
_DUTY = re.compile(r"由[^，,。；;]{1,12}?负责")
# the recommender's own seal on its opinion in the form (推荐单位…出具意见，并加盖公章)
_RECOMMENDER = re.compile(r"^[^，,。；;]{0,6}(?:推荐|主管|审核|初审)(?:单位|部门)")
# a paper of the recommending unit (推荐汇总表, 推荐函): its seal is not the applicant's
_RECOMMENDER_PAPER = re.compile(r"推荐(?:汇总表|函|意见|文件|信|表)")
# …盖章后报送市政务服务和数据管理局: sent on to a named office
_SENT_TO_OFFICE = re.compile(r"(?:报送|提交|递交|寄送|送达|报)(?:至|到)?[^，,。；;]{0,20}(?:局|厅|委|办|处|部门|中心)$")
# the recommender's filing on the platform is its sending step: its opinion sent through it
# (通过平台提交推荐意见), the platform's operation (在平台完成推荐确认) or the online recommendation
# itself (完成网上推荐, 在系统中完成在线推荐)
_RECOMMENDS_ONLINE = re.compile(
    r"(?:通过|在|登录|登陆)[^，,。；;]{0,20}(?:平台|系统)[^，,。；;]{0,6}"
    r"(?:(?:提交|报送|上传)[^，,。；;]{0,8}推荐(?:意见|函|文件|汇总表)|(?:完成|进行)(?:在线|网上|线上)?(?:审核)?推荐)"
    # 在平台中选择所在区数据主管部门作为推荐单位: the applicant routes its filing on the platform
    r"|选择[^，,。；;]{0,24}作为推荐单位"
    r"|完成(?:网上|在线|线上)(?:审核)?推荐|完成网上审核"
)
# a contact line: 联系人：…，电话：…，邮箱：… — an address to ask questions, not to send the application
_CONTACT = re.compile(r"联系人|联系电话|联系方式|咨询电话|咨询|联系|电话|热线|技术支持|技术服务")
_SENDS = re.compile(r"发送|报送|提交|发至|报至|投递|上传|电子版|申报材料|申报书")
# a mailbox named for the application: 申报邮箱 / 指定邮箱 / 接收邮箱
_SUBMIT_BOX = re.compile(r"(?:申报|报送|接收|投递|指定|收件)邮箱")
_NOT_FOR_SUBMISSION = re.compile(r"不接收|不受理|不接受|仅用于|仅供|只用于|仅受理|仅限|不通过[^，,。]{0,4}(?:邮件|邮箱)|请勿|勿发送")
# a web address to read or download from (详见 / 下载 / 查询 / 公布), not to apply through
_REFERENCE = re.compile(r"详见|下载|查询|查阅|公布|公示|了解|关注|浏览")
_APPLIES = re.compile(r"(?:申报|填报)(?!指南|书|表|通知|材料|工作|单位|主体|模板|要求|条件)|提交|上传|注册|登录|报送")
# a demand to hand in paper, without a number of copies: 须同时报送纸质材料
# paper named with a step of the submission: 纸质材料报送至… / 提交纸质版 / 纸质版寄送至…
_PAPER_DEMAND = re.compile(
    r"(?:报送|提交|寄送|递交|邮寄|送达|报)[^，,。；;]{0,8}纸质|纸质(?:版|材料|文件|件)?[^，,。；;]{0,8}(?:报送|提交|寄送|递交|邮寄|送达|寄至|送至)"
)


def _contact_only(text: str, lead: str = "") -> bool:
    """An email given for questions (联系人…邮箱…, 仅用于政策咨询，不接收申报材料); `lead` is the
    heading and the sentence before the piece."""
    if _NOT_FOR_SUBMISSION.search(text):
        return True
    if _SENDS.search(text) or _SUBMIT_BOX.search(text):
        return False  # 联系人邮箱（申报材料电子版发送至该邮箱） / 申报邮箱：…
    at = EMAIL.search(text)
    before = text[: at.start()] if at else text
    heading, _, sentence = lead.partition("。")
    if _SENDS.search(sentence) or _SUBMIT_BOX.search(sentence):
        return False
    contact_heading = bool(_CONTACT.search(heading)) and not re.search(r"申报|报送|提交|方式及|材料", heading)
    return bool(_CONTACT.search(before) or _CONTACT.search(sentence) or contact_heading)


def _reference_only(text: str) -> bool:
    """A web address given to read or download from, not to apply through."""
    return bool(_REFERENCE.search(text)) and not _APPLIES.search(_REFERENCE.sub("", text))


def _is_seal_rule(text: str) -> bool:
    """A seal the notice demands, with or without 须; not a form's (加盖单位公章) placeholder."""
    if re.search(r"加盖[^，,。]{0,8}章后(?:扫描|上传)", text):
        return True  # 将封面和承诺书加盖公章后扫描: the seal is demanded before the scan
    if re.search(r"扫描|上传|PDF|pdf|电子版|发送至", text):
        return False  # 上传/发送加盖公章的申报书PDF版: a sealed file uploaded or mailed is a sending step
    if _SEAL_RULE.search(text):
        return True
    # a form's placeholder (加盖公章) says nothing; a note that names what is sealed (封面加盖单位公章) does
    bare = re.sub(r"[(（](?![^()（）]*(?:封面|骑缝|首页|每页|逐页))[^()（）]*[)）]", "", text)
    return bool(_SEAL_ACT.search(bare)) and not re.search(r"[:：]\s*$", bare)


def _is_format(text: str) -> bool:
    """盖章扫描版和word可编辑版: the form the files must take."""
    # a format with an action or an edition (上传…扫描件 / 盖章扫描版); a bare 营业执照扫描件 is a document
    return bool(_FORMAT.search(text) and re.search(r"材料|版|件|格式|扫描后?上传", text) and re.search(r"版|格式|形式|上传|发送|报送|提交|提供|刻录|以|采用|合并", text))


def _is_delivery(text: str) -> bool:
    """发送至省经信厅基础设施处: where to deliver (an email address is its own channel)."""
    if _ONWARD.search(text) or _AFTER_SELECTION.search(text) or re.match(r"(?:不得|严禁|禁止|不要)", text):
        # 不得将不具备条件的项目报送省数据局: a prohibition, no step
        return False
    if re.search(r"由[^，,。]{2,20}直接(?:受理|接收)", text):
        return True  # 市属国有企业…由市数据局直接受理: a route of its own
    m = _DELIVER.search(text) or _HAND_TO.search(text)
    return bool(m and not re.search(r"邮箱|邮件", m.group("to") or ""))


# the issuer's own next step (省数据局将择优推荐报送国家数据局), not a step of the application
# (将 as a verb of the future, not the object marker of 将申报材料报送…; 推荐函 / 推荐汇总表 are documents)
_ONWARD = re.compile(r"(?:将|拟)(?:择优|统一|按程序)?(?:推荐|报送|上报|推送)(?!函|表|汇总表|文件|意见|材料|名单|书|项目(?:汇总|名单|清单|材料|申报))")
# what is reported after selection (建设进展、季度总结), not the application
_AFTER_SELECTION = re.compile(r"进展|进度|总结|成效|季度|验收|绩效|年度报告")


def _dedupe(items: list[Submission]) -> list[Submission]:
    """One item per channel and detail; a template's 须知 repeats the notice's seal rule."""
    kept: list[Submission] = []
    counted_paper = any(i.channel == "paper" and re.search(r"\d", i.detail) for i in items)
    for item in items:
        # the online method is stated once (网上申报方式); later mentions, and mentions after the
        # system's address was given (登录平台完善项目信息), only repeat it
        if item.channel == "online" and not URL.search(item.detail) and any(k.channel == "online" for k in kept):
            continue
        # a bare mention of paper (报送纸质材料) only repeats the rule that states the copies
        if item.channel == "paper" and counted_paper and not re.search(r"\d", item.detail) and not _PRINT.search(item.detail):
            continue
        key = re.sub(r"\W", "", item.detail)
        duplicate = False
        for other in kept:
            if other.channel != item.channel:
                continue
            if other.citation.quote == item.citation.quote:
                duplicate = True  # one sentence stating one rule in two pieces
                break
            other_key = re.sub(r"\W", "", other.detail)
            if item.channel == "email" or URL.fullmatch(item.detail):
                duplicate = key == other_key  # two addresses of one domain are two channels
                if duplicate:
                    break
                continue
            a, b = bigrams(key), bigrams(other_key)
            # two seal demands of one passage on different papers (封面加盖公章，承诺书须由法定代表人签字
            #并加盖公章) both stand; a form's 须知 restating the notice's seal rule is a repeat
            same_passage = (other.citation.doc_id, other.citation.section) == (item.citation.doc_id, item.citation.section)
            threshold = 0.9 if item.channel == "seal" and same_passage else 0.7
            # two sending steps share an office's name (直接报送市数据局 / 推荐函…统一报送市数据局): for
            # steps, the shorter must not merely be contained in the longer
            base = len(a | b) if item.channel == "other" else min(len(a), len(b))
            if key == other_key or (a and b and len(a & b) / base >= threshold):
                duplicate = True
                break
        if not duplicate:
            kept.append(item)
    return kept
