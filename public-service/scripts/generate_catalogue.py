#!/usr/bin/env python3
"""Generates src/main/resources/catalogue/items-v1.json once: the Lishui police service catalogue
(main items split into sub-items as real catalogues do). Flags are assigned deterministically so that
exactly 45 items are global (全球通办), 217 instant (即来即办) and 206 zero-visit (零次跑); all are online
and mobile. Re-running produces the same file; a changed catalogue is a new version (items-v2.json)."""
import json, pathlib

HZ, CRJ, JG, ZA, WA, XZ = "HOUSEHOLD", "EXIT_ENTRY", "TRAFFIC", "PUBLIC_ORDER", "CYBER_SECURITY", "CRIMINAL_INVESTIGATION"
# (department, prefix, main name zh, main name en, fee yuan, statutory days, [(sub zh, sub en)])
MAIN = [
 (CRJ, "CRJ", "出入境记录查询证明", "Certificate of exit-entry records", 0, 5, [("本人申请", "by the applicant"), ("委托代办", "by a proxy"), ("境外申请", "from abroad")]),
 (CRJ, "CRJ", "普通护照签发", "Ordinary passport issuance", 120, 7, [("首次申领", "first application"), ("换发", "renewal"), ("补发", "replacement of a lost passport"), ("加注", "endorsement"), ("失效宣布", "invalidation")]),
 (CRJ, "CRJ", "往来港澳通行证签发", "Exit-entry permit for Hong Kong and Macao", 60, 7, [("首次申领", "first application"), ("换发", "renewal"), ("补发", "replacement")]),
 (CRJ, "CRJ", "往来港澳通行证签注", "Endorsement for Hong Kong and Macao", 15, 7, [("团队旅游签注", "group tourism"), ("个人旅游签注", "individual tourism"), ("探亲签注", "family visit"), ("商务签注", "business"), ("逗留签注", "stay"), ("其他签注", "other")]),
 (CRJ, "CRJ", "大陆居民往来台湾通行证签发", "Mainland residents' travel permit to Taiwan", 60, 10, [("首次申领", "first application"), ("换发", "renewal"), ("补发", "replacement")]),
 (CRJ, "CRJ", "大陆居民往来台湾通行证签注", "Endorsement for Taiwan", 15, 10, [("团队旅游签注", "group tourism"), ("个人旅游签注", "individual tourism"), ("探亲签注", "family visit"), ("商务签注", "business")]),
 (CRJ, "CRJ", "出入境证件遗失作废声明", "Loss declaration of an exit-entry document", 0, 1, [("护照", "passport"), ("往来港澳通行证", "HK/Macao permit"), ("往来台湾通行证", "Taiwan permit")]),
 (CRJ, "CRJ", "外国人签证证件签发", "Visa and residence permits for foreigners", 0, 15, [("工作类居留许可", "work residence permit"), ("学习类居留许可", "study residence permit"), ("团聚类居留许可", "family reunion residence permit"), ("私人事务类居留许可", "private affairs residence permit"), ("签证延期", "visa extension"), ("停留证件签发", "stay permit")]),
 (CRJ, "CRJ", "外国人永久居留身份证", "Foreigner's permanent residence ID card", 0, 15, [("换发", "renewal"), ("补发", "replacement")]),
 (CRJ, "CRJ", "港澳台居民居住证", "Residence permit for HK, Macao and Taiwan residents", 0, 15, [("申领", "application"), ("换领", "renewal"), ("补领", "replacement")]),
 (CRJ, "CRJ", "出入境证件电子照片回执", "Photo receipt for exit-entry documents", 0, 1, [("线上采集", "online capture")]),
 (HZ, "HZ", "居民身份证", "Resident identity card", 20, 60, [("首次申领", "first application"), ("换领", "renewal"), ("补领", "replacement"), ("异地换领", "renewal outside the home region"), ("异地补领", "replacement outside the home region"), ("临时居民身份证", "temporary card")]),
 (HZ, "HZ", "户口迁移", "Household registration transfer", 0, 20, [("省内迁入", "move in within the province"), ("夫妻投靠", "joining a spouse"), ("子女投靠父母", "children joining parents"), ("父母投靠子女", "parents joining children"), ("大中专院校毕业生", "graduates"), ("人才引进", "talent introduction"), ("购房落户", "settling by home purchase"), ("投资兴业落户", "settling by investment"), ("迁出", "move out"), ("跨省迁移一站式", "one-stop inter-provincial move"), ("退役士兵恢复户口", "restoring registration of veterans"), ("刑满释放人员恢复户口", "restoring registration after release")]),
 (HZ, "HZ", "出生登记", "Birth registration", 0, 5, [("婚生子女", "children of married parents"), ("非婚生子女", "children of unmarried parents"), ("收养", "adopted children"), ("国外出生回国", "born abroad"), ("出生一件事联办", "birth one-thing service")]),
 (HZ, "HZ", "死亡注销户口", "Deregistration upon death", 0, 5, [("本地死亡", "death in the region"), ("外地死亡", "death elsewhere"), ("宣告死亡", "declared dead")]),
 (HZ, "HZ", "户籍信息变更更正", "Change or correction of household registration data", 0, 20, [("姓名变更", "name change"), ("性别更正", "gender correction"), ("出生日期更正", "date of birth correction"), ("民族成份变更", "ethnicity change"), ("文化程度变更", "education change"), ("婚姻状况变更", "marital status change"), ("服务处所变更", "workplace change"), ("宗教信仰变更", "religion change"), ("身高变更", "height change"), ("兵役状况变更", "military service status change")]),
 (HZ, "HZ", "户籍证明", "Household registration certificates", 0, 5, [("户籍注销证明", "deregistration"), ("亲属关系证明", "kinship"), ("同一人证明", "same person"), ("户籍迁移证明", "transfer"), ("户口簿补领", "household booklet replacement"), ("户口簿换领", "household booklet renewal")]),
 (HZ, "HZ", "居住证", "Residence permit", 0, 15, [("申领", "application"), ("签注", "endorsement"), ("换领", "renewal"), ("补领", "replacement")]),
 (HZ, "HZ", "居住登记", "Residence registration", 0, 1, [("流动人口居住登记", "migrant residence registration"), ("出租房屋居住登记", "rented housing registration")]),
 (HZ, "HZ", "分户", "Splitting a household", 0, 5, [("成年子女分户", "adult children"), ("离婚分户", "after divorce")]),
 (HZ, "HZ", "立户", "Establishing a household", 0, 5, [("集体户立户", "collective household"), ("家庭户立户", "family household")]),
 (HZ, "HZ", "户口登记项目查询", "Household registration enquiry", 0, 1, [("本人查询", "own record")]),
 (JG, "JG", "机动车驾驶证", "Driving licence", 10, 1, [("期满换证", "renewal at expiry"), ("遗失补证", "replacement"), ("损毁换证", "damaged licence"), ("信息变更换证", "change of data"), ("降级换证", "downgrade"), ("延期换证", "extension"), ("注销", "cancellation"), ("恢复驾驶资格", "restoring the licence"), ("提交身体条件证明", "health certificate"), ("境外驾驶证换证", "conversion of a foreign licence"), ("驾驶人联系方式变更", "contact change")]),
 (JG, "JG", "机动车登记", "Motor vehicle registration", 0, 1, [("注册登记", "first registration"), ("转移登记", "transfer"), ("变更登记", "change"), ("抵押登记", "mortgage"), ("解除抵押登记", "mortgage release"), ("注销登记", "deregistration"), ("补领行驶证", "licence replacement"), ("补领号牌", "plate replacement"), ("补领登记证书", "certificate replacement")]),
 (JG, "JG", "机动车检验合格标志", "Vehicle inspection mark", 0, 1, [("核发", "issuance"), ("免检车辆核发", "exempt vehicles"), ("补领", "replacement")]),
 (JG, "JG", "机动车号牌", "Number plates", 0, 1, [("互联网选号", "online plate selection"), ("临时号牌核发", "temporary plates"), ("号牌专用固封装置补领", "seal replacement")]),
 (JG, "JG", "驾驶人考试", "Driving tests", 0, 1, [("考试预约", "test booking"), ("取消考试预约", "cancel booking"), ("考试费缴纳", "test fee payment")]),
 (JG, "JG", "交通违法处理", "Traffic violations", 0, 1, [("非现场违法处理", "camera violations"), ("罚款缴纳", "fine payment"), ("违法记分查询", "point enquiry"), ("学法减分", "point reduction by study")]),
 (JG, "JG", "交通事故处理", "Traffic accidents", 0, 10, [("快处快赔", "quick settlement"), ("事故认定书复核", "review of the finding"), ("事故证明", "accident certificate")]),
 (JG, "JG", "校车标牌核发", "School bus plates", 0, 3, [("核发", "issuance"), ("变更", "change")]),
 (JG, "JG", "无犯罪记录及驾驶证状态证明", "Driving record certificates", 0, 1, [("驾驶人安全驾驶证明", "safe driving record"), ("机动车信息证明", "vehicle record")]),
 (ZA, "ZA", "无犯罪记录证明", "Certificate of no criminal record", 0, 3, [("本人申请", "by the applicant"), ("委托申请", "by a proxy"), ("单位申请", "by an employer"), ("境外申请", "from abroad"), ("出国（境）用", "for going abroad")]),
 (ZA, "ZA", "旅馆业特种行业许可证", "Hotel special trade permit", 0, 20, [("核发", "issuance"), ("变更", "change"), ("注销", "cancellation")]),
 (ZA, "ZA", "公章刻制业特种行业许可证", "Seal engraving trade permit", 0, 20, [("核发", "issuance"), ("变更", "change"), ("注销", "cancellation")]),
 (ZA, "ZA", "印章刻制备案", "Seal engraving record", 0, 1, [("新刻", "new seal"), ("补刻", "replacement"), ("缴销", "cancellation")]),
 (ZA, "ZA", "大型群众性活动安全许可", "Safety permit for large public events", 0, 7, [("许可", "permit"), ("变更", "change")]),
 (ZA, "ZA", "典当业特种行业许可证", "Pawn trade permit", 0, 20, [("核发", "issuance"), ("变更", "change")]),
 (ZA, "ZA", "保安服务许可", "Security service permit", 0, 20, [("保安服务公司设立", "company"), ("保安培训许可", "training"), ("保安员证核发", "guard certificate"), ("自行招用保安员备案", "self-employed guards record")]),
 (ZA, "ZA", "剧毒化学品购买许可", "Highly toxic chemicals purchase", 0, 3, [("购买许可证", "purchase permit"), ("道路运输通行证", "road transport pass")]),
 (ZA, "ZA", "易制爆危险化学品", "Explosive-precursor chemicals", 0, 5, [("从业单位备案", "business record"), ("购买备案", "purchase record")]),
 (ZA, "ZA", "民用爆炸物品", "Civil explosives", 0, 3, [("购买许可", "purchase permit"), ("运输许可", "transport permit"), ("爆破作业项目备案", "blasting project record")]),
 (ZA, "ZA", "烟花爆竹", "Fireworks", 0, 3, [("道路运输许可", "road transport permit"), ("焰火晚会燃放许可", "display permit")]),
 (ZA, "ZA", "枪支管理", "Firearms", 0, 15, [("公务用枪持枪证件核发", "official firearm licence"), ("民用枪支持枪证件核发", "civil firearm licence"), ("枪支运输许可", "transport permit")]),
 (ZA, "ZA", "管制刀具认定", "Controlled knives", 0, 5, [("认定", "determination")]),
 (ZA, "ZA", "犬只登记", "Dog registration", 0, 1, [("养犬登记", "registration"), ("年检", "annual check"), ("注销", "cancellation")]),
 (ZA, "ZA", "报警回执及证明", "Police report receipts", 0, 1, [("报警回执", "report receipt"), ("接处警记录证明", "incident record")]),
 (WA, "WA", "互联网服务", "Internet services", 0, 5, [("网站备案", "website record"), ("互联网上网服务营业场所信息网络安全审核", "internet cafe security review"), ("网络安全等级保护备案", "cybersecurity level record"), ("计算机信息系统安全专用产品备案", "security product record")]),
 (XZ, "XZ", "刑事案件受理证明", "Criminal case acceptance", 0, 3, [("受案回执", "acceptance receipt"), ("立案告知", "filing notice"), ("案件进展查询", "progress enquiry")]),

 (JG, "JG", "机动车驾驶证业务预约", "Driving licence appointments", 0, 1, [("窗口预约", "window appointment"), ("期满换证预约", "renewal appointment"), ("体检信息上传", "medical upload")]),
 (JG, "JG", "电子证照", "Electronic licences", 0, 1, [("电子驾驶证申领", "electronic driving licence"), ("电子行驶证申领", "electronic vehicle licence"), ("电子证照亮证", "showing an e-licence")]),
 (JG, "JG", "机动车业务", "Vehicle services", 0, 1, [("新车免检", "new car exemption"), ("车辆停驶申报", "suspension"), ("车辆复驶", "resumption"), ("临时入境机动车号牌", "temporary entry plates"), ("机动车委托核发检验合格标志", "inspection mark by proxy"), ("二手车异地交易登记", "used car trade elsewhere"), ("机动车所有人联系方式变更", "contact change"), ("申领免检标志", "exemption mark")]),
 (JG, "JG", "非机动车登记", "Non-motor vehicle registration", 0, 1, [("电动自行车注册登记", "e-bike registration"), ("电动自行车转移登记", "e-bike transfer"), ("电动自行车注销登记", "e-bike deregistration"), ("电动自行车号牌补领", "e-bike plate replacement")]),
 (JG, "JG", "道路通行", "Road passes", 0, 3, [("货车通行证核发", "truck pass"), ("危险货物运输车辆通行证", "dangerous goods pass"), ("占道施工审批", "roadworks permit")]),
 (HZ, "HZ", "户政综合证明", "Household general certificates", 0, 3, [("曾用名证明", "former name"), ("户口簿首页换发", "booklet cover"), ("人户分离登记", "separation of residence"), ("集体户口页借用", "collective page loan"), ("港澳台定居落户", "settlement of HK/Macao/Taiwan residents"), ("华侨回国定居落户", "overseas Chinese settlement"), ("出国（境）定居注销户口", "deregistration on settling abroad"), ("入伍注销户口", "deregistration on enlistment"), ("退伍恢复户口", "restoration after service")]),
 (HZ, "HZ", "居民身份证业务", "Identity card services", 0, 1, [("领取方式变更", "pickup change"), ("办理进度查询", "progress enquiry"), ("电子身份证申领", "electronic ID"), ("照片回执", "photo receipt"), ("指纹信息登记", "fingerprint registration")]),
 (CRJ, "CRJ", "出入境业务", "Exit-entry services", 0, 1, [("出入境证件办理进度查询", "progress enquiry"), ("出入境证件邮寄送达", "postal delivery"), ("自助签注", "self-service endorsement"), ("出入境预约", "appointment"), ("电子往来港澳通行证签注", "e-endorsement"), ("口岸签证", "port visa"), ("外国人住宿登记", "foreigner accommodation registration"), ("外国人出生登记", "foreign birth registration"), ("境外人员临时住宿登记", "temporary lodging registration")]),
 (ZA, "ZA", "治安业务", "Public order services", 0, 3, [("娱乐场所备案", "entertainment venue record"), ("二手手机回收备案", "used phone record"), ("机动车修理业备案", "car repair record"), ("废旧金属收购业备案", "scrap metal record"), ("开锁业备案", "locksmith record"), ("寄递业安全登记", "courier record"), ("民用枪支年检", "firearm annual check"), ("违法犯罪线索举报", "tip-off"), ("见义勇为认定", "bravery recognition"), ("养犬许可证补领", "dog licence replacement")]),
 (WA, "WA", "网络安全服务", "Cybersecurity services", 0, 3, [("网络安全事件报告", "incident report"), ("APP备案", "app record"), ("网络诈骗线索举报", "fraud tip-off"), ("公共上网场所备案", "public access record")]),
 (XZ, "XZ", "刑侦服务", "Criminal investigation services", 0, 3, [("失踪人员报案", "missing person report"), ("DNA采血比对", "DNA match"), ("涉案财物返还", "return of property")]),
 (ZA, "ZA", "户外广告及集会", "Assemblies and events", 0, 5, [("集会游行示威许可", "assembly permit"), ("小型活动安全备案", "small event record"), ("营业性演出安全备案", "performance record")]),
 (HZ, "HZ", "户口登记补录", "Supplementary household registration", 0, 20, [("无户口人员登记", "unregistered persons"), ("重复户口注销", "duplicate registration"), ("户口恢复", "restoration"), ("户口项目补录", "missing data"), ("收养登记落户", "adoption settlement"), ("公民身份号码更正", "ID number correction"), ("双重国籍注销户口", "dual nationality deregistration")]),
]

# 全球通办: what an applicant abroad can finish without coming back — certificates, records, renewals of
# exit-entry documents, registration changes; sub-items made for applying from abroad come first
GLOBAL_PREFERRED = ["出入境记录查询证明", "无犯罪记录证明", "普通护照签发", "往来港澳通行证签发", "大陆居民往来台湾通行证签发",
                    "出入境证件遗失作废声明", "户籍证明", "户籍信息变更更正", "死亡注销户口", "户口登记项目查询",
                    "交通违法处理", "港澳台居民居住证", "报警回执及证明", "出入境业务", "户政综合证明"]

def form_for(dept, main):
    form = [{"name": "applicantName", "labelZh": "申请人姓名", "labelEn": "Applicant name", "type": "STRING", "values": [], "required": True},
            {"name": "phone", "labelZh": "联系电话", "labelEn": "Phone", "type": "STRING", "values": [], "required": True}]
    if dept == CRJ:
        form.append({"name": "travelDate", "labelZh": "拟出行日期", "labelEn": "Planned travel date", "type": "DATE", "values": [], "required": False})
        form.append({"name": "deliveryMethod", "labelZh": "领取方式", "labelEn": "Delivery", "type": "SINGLE_CHOICE", "values": ["PICKUP", "MAIL", "E_CERTIFICATE"], "required": True})
    elif dept == JG:
        form.append({"name": "plateNumber", "labelZh": "号牌号码", "labelEn": "Plate number", "type": "STRING", "values": [], "required": False})
        form.append({"name": "licenceClasses", "labelZh": "准驾车型", "labelEn": "Licence classes", "type": "MULTI_CHOICE", "values": ["A1", "A2", "B1", "B2", "C1", "C2", "D", "E"], "required": False})
    elif dept == HZ:
        form.append({"name": "householdMembers", "labelZh": "涉及人数", "labelEn": "Persons concerned", "type": "NUMBER", "values": [], "required": True})
        form.append({"name": "purpose", "labelZh": "用途", "labelEn": "Purpose", "type": "SINGLE_CHOICE", "values": ["PERSONAL", "EMPLOYMENT", "STUDY", "ABROAD"], "required": False})
    else:
        form.append({"name": "purpose", "labelZh": "用途", "labelEn": "Purpose", "type": "STRING", "values": [], "required": False})
    return form

LEGAL = {CRJ: "《中华人民共和国出境入境管理法》", HZ: "《中华人民共和国户口登记条例》《中华人民共和国居民身份证法》",
         JG: "《中华人民共和国道路交通安全法》《机动车驾驶证申领和使用规定》", ZA: "《中华人民共和国治安管理处罚法》《特种行业治安管理规定》",
         WA: "《中华人民共和国网络安全法》", XZ: "《公安机关办理刑事案件程序规定》"}

items = []
for dept, prefix, main, main_en, fee, days, subs in MAIN:
    for sub, sub_en in subs:
        items.append(dict(dept=dept, prefix=prefix, main=main, name=f"{main}（{sub}）", nameEn=f"{main_en} ({sub_en})", fee=fee, days=days))
assert len(items) >= 250, len(items)
items = items[:250] if len(items) > 250 else items
n = len(items)

# global: sub-items of the preferred main items, in order, until 45
glob = sorted((i for i, it in enumerate(items) if it["name"].endswith("（境外申请）") or it["main"] in GLOBAL_PREFERRED),
              key=lambda i: (not items[i]["name"].endswith("（境外申请）"), GLOBAL_PREFERRED.index(items[i]["main"])
                             if items[i]["main"] in GLOBAL_PREFERRED else 99, i))[:45]
assert len(glob) == 45, len(glob)
globset = set(glob)
# zero-visit (max visits 0): all global items plus the others in order until 206; permits needing a site check keep one visit
one_visit_first = sorted(range(n), key=lambda i: (i in globset, items[i]["days"] < 7, i))
one_visit = set(one_visit_first[: n - 206])
# instant: all but the items with the longest statutory limits, until 217
not_instant = set(sorted(range(n), key=lambda i: (-items[i]["days"], i))[: n - 217])

counters = {}
out = []
for i, it in enumerate(items):
    counters[it["prefix"]] = counters.get(it["prefix"], 0) + 1
    code = f"LSGA-{it['prefix']}-{counters[it['prefix']]:04d}"
    zero = i not in one_visit
    instant = i not in not_instant
    channels = ["WINDOW", "ONLINE", "MOBILE", "SELF_SERVICE_TERMINAL"]
    if zero:
        channels.append("MAIL")
    if i in globset:
        channels.append("OVERSEAS_STATION")
    promised = 0 if instant else max(1, it["days"] // 3)
    out.append({
        "code": code, "name": it["name"], "nameEn": it["nameEn"], "department": it["dept"],
        "legalBasis": LEGAL[it["dept"]],
        "conditions": ["申请人身份信息真实有效", "符合" + it["main"] + "的法定条件"],
        "materials": [
            {"name": "居民身份证或有效身份证件", "form": "ORIGINAL", "count": 1, "eCertificateAccepted": True},
            {"name": "申请表", "form": "ORIGINAL", "count": 1, "eCertificateAccepted": False},
        ] + ([{"name": "委托书及受托人身份证件", "form": "COPY", "count": 1, "eCertificateAccepted": False}] if "委托" in it["name"] or it["name"].endswith("（境外申请）") else []),
        "feeYuan": it["fee"], "statutoryLimitDays": it["days"], "promisedLimitDays": promised,
        "channels": channels,
        "online": True, "mobile": True, "instant": instant, "zeroVisit": zero, "global": i in globset,
        "maxVisits": 0 if zero else 1,
        "form": form_for(it["dept"], it["main"]),
    })

assert sum(o["global"] for o in out) == 45 and sum(o["instant"] for o in out) == 217 and sum(o["zeroVisit"] for o in out) == 206
path = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/catalogue/items-v1.json"
path.write_text(json.dumps({"version": "2026.1", "items": out}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(n, "items written to", path)
