/**
 * Demo content for the seed: three consultations of the 辽宁省退役军人事务厅 and their comments.
 *
 * Everything here is invented for demonstration: the drafts, the explanations and every comment.
 * Names, organisations, street addresses, telephone numbers and the 身份证号 are made up (the 身份证号
 * only carries a correct GB 11643 check digit so that the redaction demo finds it); e-mail addresses
 * use the reserved example.com / example.cn / example.org domains. Any resemblance to real persons,
 * organisations or numbers is coincidental.
 *
 * Data only: the seed script turns `day` + `minute` into timestamps relative to each consultation's
 * opening (Asia/Shanghai) and uses `note` to drive the moderation demo.
 */

export type DemoIdentity = "退役军人" | "军属" | "企业" | "社会组织" | "其他群众";

export interface DemoComment {
  /** What the person wrote, 4–600 characters. */
  text: string;
  name?: string;
  organisation?: string;
  identity: DemoIdentity;
  /** Only example.com / example.cn / example.org addresses. */
  email?: string;
  publish: "named" | "anonymous" | "private";
  channel: "web" | "email" | "letter" | "phone" | "meeting";
  /** Articles selected on the form; may be empty even when the text names one. */
  articles: number[];
  /** Days after the period opened (0-based). */
  day: number;
  /** Minute of that day, 0–1439, Asia/Shanghai. */
  minute: number;
  /** For the seed's moderation demo only. */
  note?: "spam" | "campaign" | "pii" | "abuse" | "off_topic";
}

export interface DemoConsultation {
  title: string;
  docType: "rule" | "major_decision" | "normative" | "normative_business";
  /** 2–3 sentences for the listing. */
  summary: string;
  /** Plain text: title line, 第X章 lines, one 第X条 per line, further 款 and （一）items on their own lines. */
  draft: string;
  /** 起草说明 as plain text with headings 一、二、三… */
  basis: string;
  /** 政策解读, plain text. */
  interpretation?: string;
  shortPeriodReason?: string;
  comments: DemoComment[];
}

// ---------------------------------------------------------------------------------------------
// 征求中：辽宁省退役军人就业创业促进办法（征求意见稿）
// ---------------------------------------------------------------------------------------------

const employmentDraft = `辽宁省退役军人就业创业促进办法（征求意见稿）
第一章 总则
第一条 为了促进退役军人就业创业，维护退役军人合法权益，充分发挥退役军人在经济社会发展中的作用，根据《中华人民共和国退役军人保障法》等法律、行政法规，结合本省实际，制定本办法。
第二条 本省行政区域内退役军人就业创业的促进、服务和管理工作，适用本办法。
本办法所称退役军人，是指从中国人民解放军依法退出现役的军官、军士和义务兵等人员。
第三条 退役军人就业创业促进工作坚持党的领导，坚持政府推动、市场导向、社会支持、退役军人自主选择相结合的原则，实行分类指导、精准服务。
第四条 县级以上人民政府应当加强对退役军人就业创业促进工作的领导，将其纳入国民经济和社会发展规划及就业工作总体部署，建立健全工作协调机制。
县级以上人民政府退役军人事务主管部门负责本行政区域内退役军人就业创业促进工作的组织、协调、指导和监督。
人力资源社会保障、教育、财政、税务、市场监督管理、国有资产监督管理、金融监督管理等有关部门，按照各自职责做好退役军人就业创业促进相关工作。
第五条 鼓励企业、社会组织和个人通过提供就业岗位、开展技能培训、捐赠资助、提供志愿服务等方式，支持退役军人就业创业。
对在退役军人就业创业促进工作中做出显著成绩的单位和个人，按照国家和省有关规定给予表彰、奖励。
第二章 教育培训
第六条 退役军人事务主管部门应当自退役军人到安置地报到之日起六个月内，组织开展适应性培训，内容包括政策宣讲、心理调适、职业规划和就业创业指导等，培训时间一般不少于四十学时。
第七条 自主就业退役军人在退出现役后一年内，可以自主选择参加一次免费的职业教育或者职业技能培训；退出现役超过一年、有培训需求的，可以按照规定参加职业技能培训。
第八条 退役军人参加职业技能培训并取得职业资格证书、职业技能等级证书或者专项职业能力证书的，按照规定享受职业技能培训补贴。
职业技能培训补贴的标准、申领条件和程序，由省人力资源社会保障部门会同省财政部门、省退役军人事务主管部门制定，并向社会公布。
退役军人参加由退役军人事务主管部门组织的免费职业技能培训期间，按照规定享受生活补助。
第九条 支持退役军人报考普通高等学校、高等职业学校和成人高等学校，按照国家规定享受加分、单列计划、免试入学和学费资助等优待。
鼓励高等职业学校、技工院校与用人单位合作，面向退役军人开展订单式、定向式培养。
第三章 就业促进
第十条 机关、群团组织、事业单位和国有企业在招录或者招聘人员时，同等条件下应当优先招录、招聘退役军人。
退役军人报考公务员、应聘事业单位职位的，年龄和学历条件可以按照规定适当放宽；在军队服现役经历视为基层工作经历。
第十一条 设区的市、县（市、区）人民政府应当结合实际，每年拿出一定数量的下列岗位，定向招录、招聘退役军人：
（一）乡镇（街道）机关和所属事业单位的工作人员岗位；
（二）公安机关警务辅助人员、消防救援和应急救援岗位；
（三）国有企业安保、押运、驾驶、仓储等岗位；
（四）城乡社区专职工作者岗位。
定向招录、招聘的岗位数量和比例，由设区的市人民政府根据本地实际确定，并向社会公布。
第十二条 对符合就业困难人员条件的退役军人，县级以上人民政府应当通过公益性岗位等方式优先予以托底安置。
退役军人家庭中法定劳动年龄内有劳动能力的成员均处于失业状态的，所在地人民政府应当优先帮助其中至少一人实现就业。
在公益性岗位就业的退役军人，按照规定享受公益性岗位补贴和社会保险补贴。
第十三条 用人单位招用自主就业退役军人，与其签订一年以上期限劳动合同并依法缴纳社会保险费的，按照国家规定享受税收优惠。
用人单位当年新招用退役军人达到一定数量，并与其签订一年以上期限劳动合同的，县级以上人民政府可以给予一次性吸纳就业奖补。奖补的具体条件和标准，由省退役军人事务主管部门会同省财政部门、省人力资源社会保障部门另行制定。
用人单位不得以退役军人身份为由拒绝招用，或者在劳动报酬、岗位晋升等方面实行歧视。
第十四条 鼓励和支持用人单位招用残疾退役军人，并为其提供适合的岗位和必要的劳动条件。用人单位安排残疾退役军人就业的，按照规定计入安排残疾人就业比例。
残疾退役军人参加职业技能培训的，退役军人事务主管部门和残疾人联合会应当提供无障碍条件和必要的辅助支持。
第四章 创业扶持
第十五条 自主创业的退役军人，可以按照规定申请创业担保贷款，并享受财政贴息。
退役军人创办的小微企业符合条件的，可以按照规定申请小微企业创业担保贷款；还款记录良好的，可以按照规定再次申请。
鼓励金融机构开发适合退役军人创业的金融产品，简化审批程序，合理确定贷款利率。
第十六条 退役军人从事个体经营的，按照国家规定享受税收优惠。
退役军人创办的企业，按照规定享受行政事业性收费减免和其他创业扶持政策。
第十七条 县级以上人民政府应当依托现有各类创业孵化基地、众创空间和产业园区，建设退役军人创业孵化基地，为退役军人创业提供场地、设施等支持；对入驻的退役军人创业项目，可以按照规定减免场地租金和相关费用。
退役军人事务主管部门应当会同有关部门组织开展创业培训、创业指导、项目推介和退役军人创业创新大赛等活动。
鼓励有条件的退役军人企业家担任创业导师，为退役军人创业提供帮扶。
第五章 服务保障与监督
第十八条 县级退役军人服务中心和乡镇（街道）、村（社区）退役军人服务站应当为退役军人就业创业提供下列服务：
（一）就业失业登记和就业需求信息采集；
（二）岗位信息发布和职业介绍；
（三）就业创业政策咨询和补贴申领指导；
（四）组织参加招聘活动和职业技能培训；
（五）对就业困难的退役军人开展跟踪帮扶。
退役军人服务站应当公布服务事项、办理流程和联系方式，推行一窗受理、限时办结。
第十九条 县级以上人民政府应当将退役军人就业创业促进工作所需经费列入本级预算，并根据经济社会发展水平逐步增加投入。
省退役军人事务主管部门应当依托全省退役军人信息管理系统，建立就业创业信息共享机制，实现与人力资源社会保障、税务、市场监督管理等部门的数据互通。
第二十条 退役军人就业创业促进工作纳入县级以上人民政府对有关部门和下级人民政府的考核评价内容。
有关部门及其工作人员在退役军人就业创业促进工作中滥用职权、玩忽职守、徇私舞弊的，由有权机关依法予以处理。
用人单位以欺骗等不正当手段骗取补贴、奖补资金的，由有关部门责令退回，并依法予以处理。
第六章 附则
第二十一条 从中国人民武装警察部队依法退出现役的警官、警士和义务兵等人员，适用本办法。
第二十二条 本办法自　　年　　月　　日起施行。`;

const employmentBasis = `关于《辽宁省退役军人就业创业促进办法（征求意见稿）》的起草说明
一、制定的必要性
退役军人就业创业，关系退役军人切身利益，也关系社会和谐稳定。近年来，我省贯彻落实国家关于促进退役军人就业创业的部署，陆续出台了培训、招录、创业扶持等方面的支持措施，工作取得积极成效。但实践中仍存在一些突出问题：一是政策分散在多个文件中，群众查找难、基层执行标准不一；二是部分措施以倡导为主，缺乏刚性约束；三是适应性培训和职业技能培训与市场需求衔接不够紧密；四是创业扶持政策知晓度不高，申办程序较为复杂；五是基层退役军人服务站服务能力参差不齐。为系统集成现有政策，将行之有效的做法以规章形式固定下来，有必要制定本办法。
二、起草依据
本办法依据《中华人民共和国退役军人保障法》《中华人民共和国就业促进法》等法律、行政法规，以及国家有关部门关于促进退役军人就业创业的政策规定起草，与本省现行就业创业扶持政策相衔接。
三、起草过程
2025年上半年，省退役军人事务厅成立起草工作组，先后赴沈阳、大连、鞍山、锦州、朝阳等市开展调研，召开退役军人代表、用人单位、金融机构和基层服务站工作人员座谈会8场，梳理国家和本省现行政策文件40余件，并参考了兄弟省份的有关做法，形成初稿。其后书面征求了省人力资源社会保障厅、省财政厅、省教育厅、省市场监督管理局等部门和各市退役军人事务局的意见，经厅务会审议，形成本征求意见稿。
四、主要内容
征求意见稿共六章二十二条。第一章总则，明确立法目的、适用范围、工作原则和部门职责分工；第二章教育培训，规定适应性培训、免费职业技能培训、培训补贴和学历教育支持；第三章就业促进，规定招录招聘优先、定向岗位、公益性岗位托底安置、用人单位吸纳就业奖补和残疾退役军人就业；第四章创业扶持，规定创业担保贷款及贴息、税费优惠和创业孵化基地建设；第五章服务保障与监督，规定退役军人服务站的服务事项、经费保障、信息共享和考核监督；第六章附则。
五、需要说明的问题
（一）关于年龄和学历条件的放宽幅度。公务员招录和事业单位公开招聘的资格条件由主管部门统一规定，本办法仅作原则性规定，具体幅度由主管部门在招录招聘公告中明确。
（二）关于创业担保贷款额度和贴息标准。国家对额度、期限和贴息比例有统一规定并适时调整，为避免条文与国家政策调整不一致，本办法未写明具体数额。
（三）关于税收优惠。税收优惠属于国家法律、行政法规规定的事项，本办法仅作衔接性规定，具体按照国家规定执行。`;

const employmentInterpretation = `《辽宁省退役军人就业创业促进办法（征求意见稿）》政策解读
一、这个办法要解决什么问题？
目前我省支持退役军人就业创业的政策散见于多个文件，退役军人“不知道有什么政策、不知道到哪里办”的情况较为普遍。办法把培训、就业、创业、服务四个方面的措施集中到一部规章中，便于查找和执行。
二、退役军人能享受哪些培训支持？
退役后到安置地报到，由退役军人事务部门组织适应性培训；自主就业退役军人退役后一年内可免费参加一次职业教育或职业技能培训，取得证书的可按规定领取培训补贴，参加免费培训期间可领取生活补助。
三、找工作有哪些优先？
机关、事业单位和国有企业招录招聘时同等条件下优先招录退役军人，年龄、学历条件可按规定适当放宽；各市、县每年拿出一定数量的岗位定向招录；就业困难的退役军人可通过公益性岗位托底安置。
四、创业有哪些扶持？
自主创业可申请创业担保贷款并享受贴息，个体经营按国家规定享受税收优惠，可入驻退役军人创业孵化基地并按规定减免租金。
五、到哪里办理？
可就近到县级退役军人服务中心或乡镇（街道）、村（社区）退役军人服务站咨询和办理。`;

const employmentComments: DemoComment[] = [
  // ---- 第 1 天（开放首日）----
  { day: 0, minute: 487, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "坚决支持！" },
  {
    day: 0,
    minute: 495,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [15],
    name: "刘振宇",
    text: "创业担保贷款这一条写得太笼统了，只说“按照规定申请”，到底能贷多少、贴息几年，文件里一个数都没有。建议直接写明额度和贴息期限，不然到了银行还是各说各的。",
  },
  { day: 0, minute: 503, identity: "其他群众", publish: "anonymous", channel: "web", articles: [], text: "终于出这个办法了，好事。" },
  {
    day: 0,
    minute: 522,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [7],
    text: "第七条说退役一年内可以免费培训一次，我退下来第一年忙着找房子安家，根本顾不上培训，等想学了已经过期了。建议改成三年内。",
  },
  {
    day: 0,
    minute: 540,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "我爱人是现役，随军过来以后工作一直没着落。这个办法里只提了退役军人本人，军属就业能不能也写进去？哪怕写个“参照执行”也行。",
  },
  {
    day: 0,
    minute: 551,
    identity: "企业",
    publish: "named",
    channel: "web",
    articles: [13],
    name: "孙立平",
    organisation: "大连海晟物流有限公司",
    text: "我们公司这几年陆续招了二十多个退役士兵，人很踏实，能吃苦。第十三条第二款说“达到一定数量”给一次性奖补，这个数量建议别定太高，中小企业一年能招三五个已经不容易了。另外奖补申请材料希望简化，别让企业跑好几个部门盖章。",
  },
  {
    day: 0,
    minute: 566,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    text: "第10条 年龄放宽到底放宽多少？“可以适当放宽”等于没说，各地执行起来肯定不一样。",
  },
  { day: 0, minute: 580, identity: "其他群众", publish: "anonymous", channel: "web", articles: [], text: "支持👍👍" },
  {
    day: 0,
    minute: 604,
    identity: "退役军人",
    publish: "private",
    channel: "web",
    articles: [18],
    text: "我们村的服务站就是一块牌子，平时锁着门，找不到人。第十八条写的那五项服务，建议规定服务站每周最少开放几天、有没有专人值守，否则写了也白写。",
  },
  {
    day: 0,
    minute: 618,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [6],
    text: "适应性培训四十学时太少了吧，刚下来的时候对社会上的事一窍不通，社保怎么交都不知道。",
  },
  {
    day: 0,
    minute: 633,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "请问这个办法对已经退役十几年的老兵有没有用？还是只管刚退下来的？",
  },
  {
    day: 0,
    minute: 650,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [8],
    name: "王海涛",
    text: "第八条培训补贴要求“取得证书”才给，可是有些培训像电工、焊工考证周期长，考不过就一分钱没有，等于自己垫钱学。建议按培训过程分段补贴，结业补一部分，拿证再补剩下的。",
  },
  {
    day: 0,
    minute: 671,
    identity: "社会组织",
    publish: "named",
    channel: "web",
    articles: [5, 17],
    name: "赵敏",
    organisation: "沈阳市和平区老兵之家志愿服务协会",
    text: "我们协会长期为退役军人提供就业咨询和创业陪跑服务。建议第五条在“鼓励社会组织”之外，明确政府可以通过购买服务的方式支持社会组织参与就业帮扶；第十七条的创业导师也可以从社会组织中选聘。",
  },
  { day: 0, minute: 690, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "好政策关键在落实，别又是雷声大雨点小。" },
  {
    day: 0,
    minute: 712,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [11],
    text: "定向岗位里加上社区专职工作者挺好，离家近。不过希望名额别全给城里，县里乡下也要有。",
  },
  {
    day: 0,
    minute: 735,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [15, 16],
    text: "Strongly support the loan and tax provisions. My brother left the army last year and wants to open a small car repair shop, but the banks keep asking for collateral. Please make the guarantee process simpler.",
  },
  {
    day: 0,
    minute: 752,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "建议把政策做成一张明白纸，发到每个退役军人手里，条文太长看不懂。",
  },
  {
    day: 0,
    minute: 790,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [12],
    text: "公益性岗位工资太低了，一个月一千多，养不了家。希望提高点。",
  },
  {
    day: 0,
    minute: 815,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "我老公退伍三年了一直打零工，看了这个办法心里有点底了，谢谢政府🙏",
  },
  {
    day: 0,
    minute: 842,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    text: "同等条件下优先，这个“同等条件”怎么认定？笔试差一分算不算同等？希望说清楚。",
  },
  {
    day: 0,
    minute: 870,
    identity: "企业",
    publish: "anonymous",
    channel: "web",
    articles: [13],
    text: "税收优惠那块要求签一年以上合同还要交社保，小微企业负担不小，能不能对社保补贴也一并考虑。",
  },
  {
    day: 0,
    minute: 905,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [14],
    name: "陈国庆",
    text: "我是七级伤残，腿脚不方便。第十四条说鼓励用人单位招用残疾退役军人，但光“鼓励”没用，建议对招用残疾退役军人的单位给额外奖补，要不人家凭什么要我们。",
  },
  {
    day: 0,
    minute: 948,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "办法里好几处说“按照规定”，到底按哪个规定？能不能附个清单。",
  },
  { day: 0, minute: 1010, identity: "退役军人", publish: "anonymous", channel: "web", articles: [9], text: "想问下第九条说的学历教育学费资助，自考算不算？" },
  { day: 0, minute: 1102, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "支持，早该这样了" },
  {
    day: 0,
    minute: 1230,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [7, 8],
    text: "第七、八条能不能合起来看：免费培训是一次，那补贴是另外算的还是就是这一次？读了两遍没读明白。",
  },
  {
    day: 0,
    minute: 1311,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    note: "spam",
    text: "【专业代办】退役军人创业贷款、营业执照、税务登记一条龙服务，无抵押当天放款，利息超低！全国统一热线400-826-7391，欢迎来电咨询！！",
  },
  {
    day: 0,
    minute: 1385,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [18],
    text: "半夜看到的，先留个言：服务站的电话能不能公布出来，打了好几次114都查不到。",
  },

  // ---- 第 2 天 ----
  {
    day: 1,
    minute: 455,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [15],
    text: "贷款贴息只贴两年还是三年？我们搞养殖的回本慢，两年根本还不上。",
  },
  {
    day: 1,
    minute: 478,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [6],
    name: "李建军",
    text: "适应性培训建议分批次搞，别集中在一个时间，很多人刚回来要处理家里的事，错过了就没了。最好线上也能学。",
  },
  {
    day: 1,
    minute: 502,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [2],
    text: "第二条只写了解放军，那武警退下来的算不算？看到最后才发现附则里写了，建议放到第二条一起说，不然容易误会。",
  },
  {
    day: 1,
    minute: 519,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10, 11],
    text: "第十条第十一条挺好，就是希望公开透明，定向招录的岗位别变成内部消化。",
  },
  {
    day: 1,
    minute: 533,
    identity: "企业",
    publish: "named",
    channel: "web",
    articles: [17],
    name: "吴志刚",
    organisation: "鞍山市铁军创业服务有限公司",
    text: "我们运营一家小型孵化基地，现在入驻的有6家退役军人创业项目。第十七条说“可以减免场地租金”，但减免的钱谁出没说，如果让基地自己承担，民营基地是扛不住的。建议明确由财政给予运营补贴或者租金补助。",
  },
  { day: 1, minute: 560, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "说实话，我们最缺的不是政策，是能干长久的工作。" },
  {
    day: 1,
    minute: 588,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [12],
    text: "第十二条第二款说家庭成员都失业的帮一人就业，那我们家是退役军人本人有工作但收入很低，我失业，这种情况算不算？",
  },
  { day: 1, minute: 611, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "很好，支持" },
  {
    day: 1,
    minute: 640,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [8],
    text: "培训补贴申领太麻烦了，我去年申请一个叉车证的补贴，跑了三趟人社局，最后说材料不全。建议网上就能办。",
  },
  {
    day: 1,
    minute: 662,
    identity: "其他群众",
    publish: "named",
    channel: "web",
    articles: [],
    name: "周晓雯",
    text: "作为普通市民，我觉得对退役军人多照顾一些是应该的。但也建议兼顾公平，别让其他求职者觉得岗位被挤占了。",
  },
  {
    day: 1,
    minute: 690,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [18],
    text: "服务站的人自己都不懂政策，问什么都说不清楚，建议加强培训，搞个考核。",
  },
  {
    day: 1,
    minute: 718,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [15],
    text: "创业贷款要求有担保人，我们外地过来的找不到担保人，能不能用退役军人身份做信用担保？",
  },
  {
    day: 1,
    minute: 745,
    identity: "社会组织",
    publish: "named",
    channel: "web",
    articles: [4],
    name: "马长青",
    organisation: "营口市退役军人就业促进会",
    text: "第四条第三款列举的部门里没有工业和信息化、农业农村、商务部门，而退役军人在制造业、农业和商贸领域就业创业的比例不小，建议补充上述部门，至少保留“等有关部门”的兜底表述。",
  },
  { day: 1, minute: 770, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "政策再好，街到不执行也是白搭。希望有个投诉的渠道。" },
  {
    day: 1,
    minute: 801,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [13],
    text: "有的企业招退役军人就是为了拿补贴，拿完了就找茬辞退，这种要有惩罚措施。",
  },
  { day: 1, minute: 835, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "老兵表示很欣慰😊" },
  {
    day: 1,
    minute: 868,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [9],
    text: "高职院校订单培养这个很好，我儿子去年退役，就想学个技术。请问去哪里报名？",
  },
  {
    day: 1,
    minute: 902,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [11],
    text: "辅警岗位工资低还是合同制，很多战友干两年就走了。定向岗位能不能多一些有编制的。",
  },
  {
    day: 1,
    minute: 940,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [16],
    text: "个体户的税收优惠，是不是就是国家那个每户每年定额扣减的政策？如果一样就没必要再写一遍了吧。",
  },
  {
    day: 1,
    minute: 980,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [15],
    name: "郑宏伟",
    note: "pii",
    text: "我是去年退役的，在大连开了个汽修店，想申请创业担保贷款，去了两次银行都说今年额度用完了。希望工作人员能联系我一下，我的电话139 4021 7736，白天都在店里。",
  },
  {
    day: 1,
    minute: 1005,
    identity: "退役军人",
    publish: "private",
    channel: "web",
    articles: [10],
    text: "我今年四十二了，想考公务员，看了下岗位基本都卡35岁，这个办法能不能给个准话。",
  },
  { day: 1, minute: 1088, identity: "军属", publish: "anonymous", channel: "web", articles: [], text: "希望多关心关心我们这些军嫂。" },
  {
    day: 1,
    minute: 1190,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [20],
    text: "第二十条只写了部门和工作人员的责任，没写服务站不作为怎么办。",
  },
  {
    day: 1,
    minute: 1320,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [6],
    text: "适应性培训能不能发点补助，来回路费住宿都是自己掏。",
  },

  // ---- 第 3 天 ----
  {
    day: 2,
    minute: 460,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [1],
    text: "第一条立法目的建议加上“让军人成为全社会尊崇的职业”，和退役军人保障法的表述保持一致。",
  },
  {
    day: 2,
    minute: 495,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "通篇看下来，对用人单位的义务写得比较少，多是“鼓励”“支持”，建议硬一点。",
  },
  {
    day: 2,
    minute: 520,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [12],
    name: "高峰",
    text: "公益性岗位建议给退役军人单列一部分，现在和其他就业困难人员一起排队，一等就是好几个月。",
  },
  { day: 2, minute: 548, identity: "退役军人", publish: "anonymous", channel: "web", articles: [3], text: "第三条的原则写得挺全，但是“精准服务”具体指啥？" },
  {
    day: 2,
    minute: 575,
    identity: "企业",
    publish: "anonymous",
    channel: "web",
    articles: [13],
    text: "奖补资金能不能一年一兑现，别让企业等一两年。我们2023年的还没拿到。",
  },
  {
    day: 2,
    minute: 603,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [17],
    text: "孵化基地最好建到县城，都建在沈阳大连，我们县里的人去不了。",
  },
  { day: 2, minute: 632, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "ok 支持" },
  {
    day: 2,
    minute: 660,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [2],
    text: "Does this measure also apply to veterans who moved to Liaoning from other provinces after discharge? Article 2 only says 'within the province', which is unclear about residency.",
  },
  {
    day: 2,
    minute: 701,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [14],
    text: "残疾军人找工作太难了，我一个战友一级伤残，根本没人要。建议政府兜底。",
  },
  {
    day: 2,
    minute: 744,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [15],
    text: "贴息资金建议直接拨给银行，别让我们先付全额利息再去申请返还，中间资金压力很大。",
  },
  { day: 2, minute: 790, identity: "军属", publish: "anonymous", channel: "web", articles: [], text: "办法里对军属就业一个字没提，有点失望。" },
  {
    day: 2,
    minute: 830,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [8],
    text: "建议把网约车、外卖骑手这种新就业形态的培训也纳入补贴范围，现在很多战友在干这个。",
  },
  {
    day: 2,
    minute: 905,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [18],
    text: "服务站建议晚上或者周末也开一开，上班族工做日根本去不了。",
  },
  {
    day: 2,
    minute: 1020,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [7],
    text: "第七条“自主选择参加一次”，如果第一次选的专业不合适，能不能换？",
  },
  {
    day: 2,
    minute: 1180,
    identity: "社会组织",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "建议建立退役军人就业创业统计监测制度，每年向社会公布退役军人就业率和创业项目存活率。",
  },
  {
    day: 2,
    minute: 1260,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    note: "spam",
    text: "退役军人考证包过！电工证、叉车证、消防设施操作员，不用上课直接拿证，加微信 kaozheng_888 咨询，名额有限先到先得",
  },

  // ---- 第 4 天（模板化意见开始出现）----
  {
    day: 3,
    minute: 480,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [19],
    text: "第十九条数据互通是好事，现在办个事要交一堆复印件，退伍证、身份证、户口本，每个部门都要一份。",
  },
  { day: 3, minute: 530, identity: "其他群众", publish: "anonymous", channel: "web", articles: [], text: "建议加强宣传，很多人根本不知道有这些政策。" },
  {
    day: 3,
    minute: 610,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [13],
    text: "不得歧视这一款很好。我上次去面试，人事直接问“当兵的是不是脾气都不太好”，挺寒心的。",
  },
  {
    day: 3,
    minute: 700,
    identity: "退役军人",
    publish: "named",
    channel: "email",
    articles: [10, 11],
    name: "张卫东",
    email: "laobing_zhang@example.com",
    text: "厅领导好：我是一名转业多年的老兵，认真看了征求意见稿，提两点意见。一是第十条放宽年龄的规定，建议明确放宽的幅度，比如放宽到40周岁，否则各单位掌握的尺度不一；二是第十一条定向岗位，建议规定每年定向岗位占当年招录总数的比例下限，避免“一定数量”成为摆设。以上意见仅供参考。",
  },
  {
    day: 3,
    minute: 1180,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [10],
    name: "张立新",
    note: "campaign",
    text: "我是一名退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请予以采纳！",
  },
  {
    day: 3,
    minute: 1205,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    note: "campaign",
    text: "我是一名退役老兵，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请采纳！",
  },
  {
    day: 3,
    minute: 1262,
    identity: "军属",
    publish: "named",
    channel: "web",
    articles: [10],
    name: "李秀兰",
    note: "campaign",
    text: "我是一名军属，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。我爱人服役十六年，退役时已经三十八岁。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请予以采纳！",
  },

  // ---- 第 5 天 ----
  {
    day: 4,
    minute: 420,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    note: "campaign",
    text: '我是一名退役军人,对《辽宁省退役军人就业创业促进办法(征求意见稿)》第十条提出意见:建议将"年龄和学历条件可以按照规定适当放宽"修改为"年龄放宽至40周岁、学历放宽至高中(中专)"。很多战友服役时间长,退役时已经三十多岁,如果不明确放宽幅度,考公考编的机会基本就没有了。恳请予以采纳!',
  },
  {
    day: 4,
    minute: 455,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [],
    name: "赵明辉",
    note: "campaign",
    text: "我是一名退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至四十周岁、学历放宽至高中（中专）”。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请予以采纳！",
  },
  { day: 4, minute: 500, identity: "退役军人", publish: "anonymous", channel: "web", articles: [15], text: "创业担保贷款的年龄限制是多少？五十岁了还能贷吗" },
  {
    day: 4,
    minute: 530,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    note: "campaign",
    text: "我是一名退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。恳请予以采纳！",
  },
  {
    day: 4,
    minute: 610,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [10],
    name: "孙建国",
    note: "campaign",
    text: "本人是退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：强烈建议把“年龄和学历条件可以按照规定适当放宽”改为“年龄放宽至40周岁、学历放宽至高中（中专）”。不少战友服役时间长，退役时普遍已经三十好几，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请予以采纳！",
  },
  {
    day: 4,
    minute: 620,
    identity: "企业",
    publish: "named",
    channel: "web",
    articles: [13],
    name: "韩冬",
    organisation: "抚顺北方安保服务有限公司",
    text: "我们是保安公司，退役军人是主要招聘对象。建议第十三条的奖补不要只看“新招用”，对连续稳定雇用退役军人三年以上的企业也给予一定奖励，鼓励留人而不是只招人。",
  },
  {
    day: 4,
    minute: 700,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    note: "campaign",
    text: "我是一名退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。部队培养了我们的纪律和能力，不应该因为年龄被挡在门外。恳请予以采纳！",
  },
  {
    day: 4,
    minute: 760,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "第三、四条写的都是原则和分工，没问题。关键是后面的具体措施要有钱有人。",
  },
  {
    day: 4,
    minute: 900,
    identity: "退役军人",
    publish: "named",
    channel: "letter",
    articles: [14],
    name: "刘福田",
    text: "尊敬的领导：我叫刘福田，今年五十六岁，1988年入伍，1991年在一次施工任务中受伤，评定为因公六级伤残。退伍回来后在县里的粮库工作，后来粮库改制，我就下岗了，这些年靠打零工和伤残抚恤金过日子。看了报纸上登的这个征求意见稿，我很高兴，特别是第十四条专门写了残疾退役军人。但我觉得还不够，提几点想法：一是残疾退役军人自己想干点小买卖的，贷款能不能优先安排，贴息时间长一些；二是像我这样岁数大、身体不好，确实找不到工作的，能不能由政府安排一个看大门、打扫卫生这样的公益性岗位；三是培训别光在市里搞，我们腿脚不好，来回不方便；四是希望县里的服务站能定期上门看看我们这些伤残的老兵，有什么政策当面讲一讲，我们不会上网，报纸上的东西也常常看不全。字写得不好，请领导见谅。",
  },
  { day: 4, minute: 1100, identity: "其他群众", publish: "anonymous", channel: "web", articles: [], text: "支持支持" },
  {
    day: 4,
    minute: 1210,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    note: "campaign",
    text: "我是一名退役军人家属，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：\n建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。\n很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请予以采纳！",
  },
  {
    day: 4,
    minute: 1290,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [10],
    name: "王刚",
    note: "campaign",
    text: "我是一名退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请予以采纳！——退役军人 王刚",
  },

  // ---- 第 6 天 ----
  {
    day: 5,
    minute: 430,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    note: "campaign",
    text: "我是一名退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没了。恳请予以采钠！",
  },
  { day: 5, minute: 545, identity: "退役军人", publish: "anonymous", channel: "web", articles: [12], text: "公益性岗位有期限，三年到期以后怎么办？又失业了。" },
  {
    day: 5,
    minute: 560,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [],
    name: "刘洋",
    note: "campaign",
    text: "尊敬的领导：我是一名退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请予以采纳！此致 敬礼",
  },
  { day: 5, minute: 880, identity: "军属", publish: "anonymous", channel: "web", articles: [9], text: "第九条能不能把退役军人子女上学的事也考虑进去？" },
  {
    day: 5,
    minute: 1020,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    note: "campaign",
    text: "我是一名退役军人！对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中（中专）”！！很多战友服役时间长，退役时已经三十多岁，如果不明确放宽幅度，考公考编的机会基本就没有了。恳请予以采纳🙏",
  },
  {
    day: 5,
    minute: 1210,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "本人建意政府带头招退役军人，机关食堂、保安、司机这些岗位都可以。",
  },

  // ---- 第 7–8 天 ----
  {
    day: 6,
    minute: 600,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [17],
    text: "创业大赛能不能也放到市里县里办，别只在省里搞，获奖项目给点启动资金。",
  },
  {
    day: 6,
    minute: 990,
    identity: "社会组织",
    publish: "anonymous",
    channel: "web",
    articles: [18],
    text: "第十八条第（五）项跟踪帮扶，建议明确跟踪期限，比如实现就业后持续跟踪六个月。",
  },
  {
    day: 6,
    minute: 1300,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "我们这的政策宣讲会都是念文件，能不能请已经创业成功的战友来讲讲。",
  },
  {
    day: 7,
    minute: 510,
    identity: "退役军人",
    publish: "anonymous",
    channel: "phone",
    articles: [15],
    text: "来电人反映：其在朝阳县从事设施农业种植，希望创业担保贷款能覆盖以农民专业合作社形式创业的退役军人，并询问贴息如何申请。已告知以正式文件为准。",
  },
  { day: 7, minute: 720, identity: "其他群众", publish: "anonymous", channel: "web", articles: [], text: "感觉跟国家的政策差不多，本省特色不明显。" },
  {
    day: 7,
    minute: 1150,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [7],
    text: "一年内只能免费培训一次太少了，技术更新快，建议每五年可以再享受一次。",
  },
  {
    day: 7,
    minute: 1320,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [10],
    name: "陈宝军",
    note: "campaign",
    text: "我是一名退役军人，对《辽宁省退役军人就业创业促进办法（征求意见稿）》第十条提出意见：建议将“年龄和学历条件可以按照规定适当放宽”修改为“年龄放宽至40周岁、学历放宽至高中或中专”。很多战友服役时间长，退役时已经三十多岁，如果不明确放宽的幅度，考公考编基本就没有机会了。恳请予以采纳！",
  },

  // ---- 第 9–15 天 ----
  {
    day: 8,
    minute: 530,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [11],
    name: "宋立军",
    text: "第十一条第（二）项把消防救援和辅警放在一起不太合适，消防救援队伍招录有自己的规定，建议分开表述。",
  },
  {
    day: 8,
    minute: 655,
    identity: "其他群众",
    publish: "private",
    channel: "web",
    articles: [18],
    note: "pii",
    text: "我是社区退役军人服务站的工作人员，对第十八条有些具体的想法，比如服务站人员编制、经费怎么保障，想当面汇报一下。单位电话024-23876514，工作日都在。",
  },
  { day: 8, minute: 840, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "支持！！！" },
  { day: 8, minute: 1260, identity: "企业", publish: "anonymous", channel: "web", articles: [16], text: "行政事业性收费减免具体是哪些收费？建议列个目录。" },
  {
    day: 9,
    minute: 470,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [6],
    text: "适应性培训一般都在市里集中搞，建议按县组织，或者至少报销交通费。",
  },
  {
    day: 9,
    minute: 770,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [19],
    text: "我觉得这个办法最大的问题是没有钱，第十九条只说列入预算，列多少没说。",
  },
  {
    day: 9,
    minute: 1080,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [8],
    text: "Good initiative. Please publish the subsidy standards under Article 8 on one website, so people don't have to ask at every office.",
  },
  {
    day: 10,
    minute: 560,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [13],
    text: "企业吸纳奖补建议与退役军人在岗时间挂钩，干满一年再发，防止企业套补贴。",
  },
  {
    day: 10,
    minute: 900,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "退役军人服务中心能不能跟人社的零工市场合作，搞点日结的活。",
  },
  {
    day: 10,
    minute: 690,
    identity: "军属",
    publish: "anonymous",
    channel: "phone",
    articles: [12],
    text: "来电人系退役军人配偶，反映其丈夫退役后长期失业，本人身体不好无法工作，询问第十二条所说的帮助家庭至少一人就业由哪个部门负责、如何申请。已告知可先到所在街道退役军人服务站登记。",
  },
  {
    day: 10,
    minute: 1340,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [12],
    text: "第十二条第二款挺好的，家里真的都没工作的时候那种滋味不好受。",
  },
  {
    day: 11,
    minute: 505,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    text: "希望事业单位招聘也像公务员一样，把服役经历认作基层工作经历，现在有的单位不认。",
  },
  {
    day: 11,
    minute: 830,
    identity: "社会组织",
    publish: "named",
    channel: "web",
    articles: [20],
    name: "孟繁华",
    organisation: "锦州市退役军人权益服务中心",
    text: "第二十条建议增加社会监督的内容：规定退役军人事务主管部门设立就业创业政策落实投诉举报电话，并定期公开处理情况。",
  },
  { day: 11, minute: 1190, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "都是老生常谈" },
  {
    day: 12,
    minute: 610,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [15],
    text: "现在物价这么高，贷个二三十万开个饭店都不够，额度能不能高点。",
  },
  {
    day: 12,
    minute: 1000,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [22],
    text: "請問這個辦法什麼時候正式實施？我先生是退役軍人，想了解創業貸款的申請時間。",
  },
  {
    day: 12,
    minute: 1250,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [18],
    text: "服务站建议配备专职人员，现在都是村干部兼着，忙不过来。",
  },
  { day: 13, minute: 540, identity: "退役军人", publish: "anonymous", channel: "web", articles: [8], text: "生活补助标准是多少？按天还是按月发？" },
  {
    day: 13,
    minute: 870,
    identity: "企业",
    publish: "anonymous",
    channel: "email",
    articles: [13, 16],
    organisation: "盘锦瑞丰机械设备有限公司",
    email: "hr@example.cn",
    text: "我司是一家机械制造企业，近三年共招用退役军人37人。对第十三条、第十六条提两点建议：一是税收优惠和吸纳就业奖补最好实行“一次申报、部门联审”；二是奖补资金可以允许企业用于组织岗前培训。",
  },
  {
    day: 13,
    minute: 1150,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [11],
    text: "我就想问，这么多年了，为啥我们县一次定向招录都没搞过？",
  },
  {
    day: 14,
    minute: 620,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [17],
    text: "孵化基地进驻门槛太高，又要注册资本又要项目评审，我们小本买卖进不去。",
  },
  {
    day: 14,
    minute: 1010,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "写得很好，支持。另外建议公布起草处室的联系人，方便咨询。",
  },
  {
    day: 14,
    minute: 1402,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    note: "abuse",
    text: "一群废物，光会坐办公室写文件，老子退伍五年一分钱补贴没见着，全是骗人的！滚！",
  },

  // ---- 第 16–22 天 ----
  {
    day: 15,
    minute: 500,
    identity: "退役军人",
    publish: "anonymous",
    channel: "meeting",
    articles: [10, 11, 12],
    text: "在沈阳市退役军人代表座谈会上，多名代表提出：第十条、第十一条的优先招录和定向招录，希望明确各市每年定向岗位的最低数量；第十二条公益性岗位，希望优先安排年龄偏大、技能单一的退役军人。",
  },
  {
    day: 15,
    minute: 900,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [21],
    text: "附则那条写了武警也适用，挺好，之前好多政策都把我们落下了。",
  },
  {
    day: 16,
    minute: 700,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [14],
    text: "残疾军人的无障碍培训条件，建议写得具体点，比如培训场地要有无障碍通道，需要的话提供手语翻译。",
  },
  {
    day: 16,
    minute: 845,
    identity: "退役军人",
    publish: "private",
    channel: "web",
    articles: [17],
    name: "刘成志",
    note: "pii",
    text: "我把详细的建议写成了书面材料，但网页上传不了附件，能否发到我邮箱 liu.chengzhi@example.org ？或者我寄过去也行，有需要可以到沈阳市铁西区和睦路16号2单元301室找我。主要是关于孵化基地租金减免的。",
  },
  { day: 16, minute: 1130, identity: "军属", publish: "anonymous", channel: "web", articles: [], text: "烈士子女就业有没有考虑？" },
  {
    day: 17,
    minute: 590,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [15],
    text: "第十五条第二款“还款记录良好的可以再次申请”，这个很实用，点赞。",
  },
  { day: 17, minute: 960, identity: "其他群众", publish: "anonymous", channel: "web", articles: [], text: "写得不错，就是字太多了😂" },
  {
    day: 18,
    minute: 650,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [7],
    text: "能不能把培训和就业挂钩，培训完了直接推荐工作，不然学了也用不上。",
  },
  {
    day: 18,
    minute: 1210,
    identity: "社会组织",
    publish: "anonymous",
    channel: "web",
    articles: [5],
    text: "第5条的表彰奖励建议明确由哪个部门组织、多长时间开展一次，不然很难落地。",
  },
  {
    day: 18,
    minute: 1300,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    note: "off_topic",
    text: "我家小区暖气一直不热，打物业电话没人接，找社区也没用，希望政府管一管！",
  },
  {
    day: 19,
    minute: 520,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [19],
    text: "信息管理系统能不能做个手机app或者小程序，查政策、报名培训、申请补贴一站式办。",
  },
  { day: 19, minute: 880, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "还行吧。" },
  { day: 20, minute: 610, identity: "退役军人", publish: "anonymous", channel: "web", articles: [13], text: "歧视退役军人的企业，建议纳入信用记录。" },
  {
    day: 20,
    minute: 745,
    identity: "退役军人",
    publish: "private",
    channel: "web",
    articles: [8],
    note: "pii",
    text: "我去年申请职业技能培训补贴被退回了，说系统里查不到我的退役信息。我的身份证号21010619830715213X，退伍证原件也在，麻烦帮忙查一下，电话13704052287。",
  },
  {
    day: 20,
    minute: 900,
    identity: "企业",
    publish: "anonymous",
    channel: "meeting",
    articles: [13, 15, 17],
    text: "在大连市用人单位和金融机构座谈会上，企业代表提出：吸纳就业奖补的“一定数量”应当区分企业规模；银行代表提出，创业担保贷款的担保基金规模不足，建议在第十五条中明确担保基金的补充机制；孵化基地运营方建议第十七条的租金减免由财政给予补偿。",
  },
  {
    day: 20,
    minute: 1060,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "建议条文里“退役军人事务主管部门”前面统一加上“县级以上人民政府”，有的地方加了有的没加，不一致。",
  },
  {
    day: 20,
    minute: 1320,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [12],
    text: "公益性岗位别安排得太远，骑电动车一个小时才到，补贴还不够电费饭钱的。",
  },
  {
    day: 21,
    minute: 560,
    identity: "企业",
    publish: "anonymous",
    channel: "web",
    articles: [17],
    text: "建议孵化基地引入市场化运营机构，政府购买服务，效率会高一些。",
  },
  {
    day: 21,
    minute: 990,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "我是2019年退伍的，想了解一下我这种情况还能享受哪些政策。",
  },
  {
    day: 21,
    minute: 1230,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    note: "off_topic",
    text: "我们单位拖欠工资三个月了，劳动监察也不管，到底该找谁？",
  },

  // ---- 第 23–29 天 ----
  {
    day: 22,
    minute: 620,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    text: "事业单位招聘笔试能不能给退役军人加分？比放宽年龄更实在。",
  },
  { day: 22, minute: 1100, identity: "其他群众", publish: "anonymous", channel: "web", articles: [], text: "好政策，已经转给我们村的几个退伍兵看了。" },
  {
    day: 23,
    minute: 540,
    identity: "退役军人",
    publish: "named",
    channel: "letter",
    articles: [8, 12],
    name: "杨树林",
    text: "我今年五十一岁，退伍后一直在厂里干，前年厂子倒闭了。建议对年龄大的退役军人，培训补贴适当提高，公益性岗位也优先考虑我们这个岁数的人。年轻人好找工作，我们不好找。",
  },
  {
    day: 23,
    minute: 950,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [16],
    text: "税收优惠那条写“按照国家规定”，建议在政策解读里把具体的扣减标准和期限说一下。",
  },
  { day: 24, minute: 600, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "服务站和人社的就业服务中心到底谁管就业？两边跑。" },
  { day: 24, minute: 1030, identity: "军属", publish: "anonymous", channel: "web", articles: [14], text: "我爱人是伤残军人，能不能让家属陪同他一起参加培训？" },
  { day: 25, minute: 510, identity: "退役军人", publish: "anonymous", channel: "web", articles: [9], text: "建议允许退役军人在职读书，学费资助不要限定脱产。" },
  {
    day: 25,
    minute: 870,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [11],
    text: "第十一条定向岗位“由设区的市确定”，建议省里定个最低比例，市里只能往上加。",
  },
  {
    day: 25,
    minute: 1105,
    identity: "社会组织",
    publish: "named",
    channel: "email",
    articles: [6, 18],
    name: "白雪",
    organisation: "丹东市心桥社会工作服务中心",
    email: "xinqiao.sw@example.org",
    text: "我们在服务退役军人的过程中发现，不少人退役初期存在心理落差。建议第六条适应性培训中的心理调适内容由专业社会工作者参与，并在第十八条服务事项中增加心理疏导和转介服务。",
  },
  {
    day: 25,
    minute: 1260,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "退役军人就业最终还要靠经济发展和市场，政府别什么都包办。",
  },
  {
    day: 26,
    minute: 590,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [15],
    text: "建议设立退役军人创业风险补偿基金，创业失败了不至于倾家荡产。",
  },
  {
    day: 26,
    minute: 1000,
    identity: "企业",
    publish: "named",
    channel: "web",
    articles: [13],
    name: "许文博",
    organisation: "本溪鑫达建材有限公司",
    text: "建议一次性吸纳就业奖补按人头计算，每招一人补多少，比“达到一定数量”更公平，小企业也能享受到。",
  },
  { day: 27, minute: 640, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "这个办法比我们想的好，希望早点实施。" },
  {
    day: 27,
    minute: 920,
    identity: "社会组织",
    publish: "anonymous",
    channel: "web",
    articles: [17],
    text: "第十七条第三款创业导师建议给一定的补贴或者荣誉，不然没人愿意长期干。",
  },
  {
    day: 27,
    minute: 1190,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [6, 7],
    text: "退役前在部队已经搞过一次退役教育了，回来又搞，内容有重复，建议衔接一下。",
  },
  { day: 28, minute: 560, identity: "退役军人", publish: "anonymous", channel: "web", articles: [20], text: "考核要看实效，别光看开了几次会、发了几份文件。" },
  {
    day: 28,
    minute: 1010,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "我们这些农村的退伍兵，种地为主，办法里对农业创业题的太少。",
  },
  { day: 28, minute: 1300, identity: "军属", publish: "anonymous", channel: "web", articles: [], text: "希望能看到修改后的稿子，我们的意见到底采没采纳。" },

  // ---- 第 30 天（截止日）----
  {
    day: 29,
    minute: 30,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "最后一天了，赶紧提一条：政策要有连续性，别换个领导就变。",
  },
  {
    day: 29,
    minute: 420,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [12],
    text: "公益性岗位的社会保险补贴，希望按实际缴费基数补，不要只按最低基数。",
  },
  {
    day: 29,
    minute: 480,
    identity: "社会组织",
    publish: "named",
    channel: "web",
    articles: [2, 13, 20, 21],
    name: "邓雪梅",
    organisation: "辽宁老兵法律援助服务社",
    text: "我们是从事退役军人法律援助的社会组织，结合日常接触的案例，对征求意见稿的立法技术提几点意见：一、第二条第二款对退役军人的界定与《中华人民共和国退役军人保障法》一致，但第二十一条又单独规定武警部队退役人员适用本办法，建议两处合并，在第二条中一并界定，便于群众理解。二、第十三条第三款规定用人单位不得歧视退役军人，但全文没有对应的法律责任，第二十条第三款只针对骗取补贴的行为。规章设定罚款须有上位法依据，建议至少规定由有关部门责令改正、记入信用记录，避免成为倡导性条款。三、第二十条第二款“由有权机关依法予以处理”较为模糊，建议写明对直接负责的主管人员和其他直接责任人员依法给予处分。四、全文多处使用“按照规定”，建议在起草说明中列明所指文件，或者在条文中写明由哪个部门制定具体办法。以上意见供参考。",
  },
  { day: 29, minute: 515, identity: "退役军人", publish: "anonymous", channel: "web", articles: [15], text: "贷款审批别超过一个月，等批下来商机都没了。" },
  { day: 29, minute: 550, identity: "其他群众", publish: "anonymous", channel: "web", articles: [], text: "支持，希望尽快出台。" },
  {
    day: 29,
    minute: 590,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    text: "第十条第二款说服役经历视为基层工作经历，这个国企招聘认不认？",
  },
  {
    day: 29,
    minute: 610,
    identity: "退役军人",
    publish: "private",
    channel: "web",
    articles: [15],
    name: "何永强",
    note: "pii",
    text: "我叫何永强，退伍十年了，在营口做建材生意，想了解第十五条再次申请贷款的具体条件，麻烦相关处室回个电话：+86-15840236619，谢谢！",
  },
  { day: 29, minute: 640, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "好好好好" },
  {
    day: 29,
    minute: 700,
    identity: "企业",
    publish: "anonymous",
    channel: "web",
    articles: [13],
    text: "建议明确奖补资金由哪级财政承担，是省级还是市县？财政紧张的市县可能兑现不了。",
  },
  {
    day: 29,
    minute: 760,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [8, 17],
    name: "周志鹏",
    text: "说说我自己的经历吧。我2016年退伍，回来先参加了适应性培训，说实话内容挺空的，讲了两天政策就结束了。后来自己花钱学了西点烘焙，学费加材料费花了一万二，因为那个班不在补贴目录里，一分钱没报上。2019年在本溪开了个小面包房，申请创业担保贷款，前前后后跑了两个多月，担保中心要求有公职人员担保，我找了个在学校当老师的同学才办下来。现在店开了五年，雇了四个人，其中两个也是退伍的。所以我对这个办法提两点：第一，第八条的培训补贴目录要放宽，退役军人自己选的正规培训机构，只要拿到证就应该能补；第二，除了第十七条的孵化基地，更要把贷款担保的门槛降下来，别让退役军人为了找担保人到处求人。希望这次能真正落地，也希望这些意见能有个回复，让我们知道提了有没有用。",
  },
  {
    day: 29,
    minute: 820,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "建议增加一条：退役军人配偶随迁的，就业参照本办法执行。",
  },
  {
    day: 29,
    minute: 900,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [18],
    text: "建议服务站建一个战友群，有岗位信息直接发群里，比贴公告管用。",
  },
  {
    day: 29,
    minute: 960,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [13],
    text: "Thank you for asking the public. I hope the final version keeps the rule that employers must not discriminate against veterans, and adds a real consequence for breaking it.",
  },
  {
    day: 29,
    minute: 1010,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [7],
    text: "免费培训的定点机构太少，可选的专业也少，建议扩大定点培训机构范围。",
  },
  {
    day: 29,
    minute: 1080,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "赞👍 不过征求意见期能不能再延长一点，很多人还不知道。",
  },
  { day: 29, minute: 1150, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "我們這些老兵看了都說好，希望能落到實處。" },
  {
    day: 29,
    minute: 1220,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [11],
    text: "定向岗位的考试能不能单独组织，不跟社会人员一起考。",
  },
  {
    day: 29,
    minute: 1290,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [19],
    text: "数据共享要注意保护个人信息，别把退役军人的信息泄露出去。",
  },
  { day: 29, minute: 1350, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "赶在截止前提交，希望有回音。" },
  {
    day: 29,
    minute: 1000,
    identity: "退役军人",
    publish: "named",
    channel: "letter",
    articles: [],
    name: "曲振山",
    text: "我是铁岭的一名退伍老兵，看了报纸上的征求意见稿，专门写信提个建议：办法出台以后，希望退役军人事务部门每年把各项政策的落实情况公布一次，培训了多少人、贷了多少款、安排了多少岗位，让大家心里有数。",
  },
  {
    day: 29,
    minute: 1420,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [14],
    text: "对残疾退役军人，希望能开辟居家就业的渠道，比如网上客服、电商。",
  },
];

export const openConsultation: DemoConsultation = {
  title: "辽宁省退役军人就业创业促进办法（征求意见稿）",
  docType: "rule",
  summary:
    "为集中规范我省退役军人教育培训、就业促进和创业扶持措施，省退役军人事务厅起草了《辽宁省退役军人就业创业促进办法（征求意见稿）》，共六章二十二条。现向社会公开征求意见，欢迎退役军人、用人单位和社会各界提出意见建议。",
  draft: employmentDraft,
  basis: employmentBasis,
  interpretation: employmentInterpretation,
  comments: employmentComments,
};

// ---------------------------------------------------------------------------------------------
// 即将开始：关于加强退役军人服务站规范化建设的实施意见（征求意见稿）
// ---------------------------------------------------------------------------------------------

const stationDraft = `关于加强退役军人服务站规范化建设的实施意见（征求意见稿）
第一条 为了加强退役军人服务站规范化建设，提升基层服务保障能力，根据《中华人民共和国退役军人保障法》和国家有关规定，结合本省实际，制定本实施意见。
第二条 本实施意见所称退役军人服务站，是指在乡镇（街道）、村（社区）设立，为退役军人和其他优抚对象提供政策咨询、服务保障和帮扶援助的基层工作机构。
县级退役军人事务主管部门负责本行政区域内退役军人服务站建设的指导和监督。
第三条 退役军人服务站建设坚持统一标准、分类推进、共建共用、注重实效的原则，做到有机构、有人员、有经费、有场所、有制度、有工作保障。
第四条 乡镇（街道）退役军人服务站应当设置相对独立的服务场所，使用面积一般不少于三十平方米，并设置无障碍设施。
村（社区）退役军人服务站可以与党群服务中心等场所共建共用，但应当设置专门的服务窗口。
退役军人服务站应当按照全省统一样式悬挂标识牌，公开服务事项、工作人员和联系电话。
第五条 乡镇（街道）退役军人服务站应当配备不少于二名工作人员，其中专职工作人员不少于一名；村（社区）退役军人服务站应当明确一名专职或者兼职工作人员。
选配工作人员时，同等条件下优先选用退役军人。
第六条 退役军人服务站主要承担下列服务事项：
（一）宣传解读退役军人相关政策，受理政策咨询；
（二）采集、更新退役军人和其他优抚对象基本信息；
（三）提供就业创业信息发布、职业介绍和培训报名服务；
（四）开展走访慰问，组织帮扶援助；
（五）排查化解涉及退役军人的矛盾纠纷，受理和转办诉求；
（六）县级退役军人事务主管部门交办的其他事项。
第七条 退役军人服务站应当建立首问负责、一次性告知、限时办结和服务台账制度，对不能当场办理的事项告知办理时限和进度查询方式。
第八条 退役军人服务站应当在工作日对外开放，并可以根据需要实行预约服务、延时服务和错时服务；对行动不便的退役军人和其他优抚对象，提供上门服务。
第九条 县级人民政府应当将退役军人服务站运行经费纳入本级预算。县级退役军人事务主管部门每年至少组织一次服务站工作人员业务培训。
第十条 省退役军人事务厅定期组织开展示范型退役军人服务站创建活动，对运行不规范的服务站督促限期整改。
本实施意见自印发之日起施行，有效期五年。`;

const stationBasis = `关于《关于加强退役军人服务站规范化建设的实施意见（征求意见稿）》的起草说明
一、必要性
全省乡镇（街道）、村（社区）退役军人服务站已实现全覆盖，但部分服务站存在场所简陋、人员兼职过多、服务事项不明确、开放时间不固定等问题，群众反映“有牌子、找不到人”。为统一建设标准、提升服务质量，有必要制定本实施意见。
二、起草依据
《中华人民共和国退役军人保障法》关于建立健全退役军人服务体系的规定，以及国家有关部门关于退役军人服务中心（站）建设的工作要求。
三、起草过程
起草组抽查了6个市的40个服务站，召开了服务站工作人员和退役军人代表座谈会，在此基础上形成本征求意见稿。
四、主要内容
征求意见稿共十条，规定了服务站的定位、建设原则、场所和人员配备、服务事项、工作制度、开放时间、经费保障和考核督导。`;

// Written as questions and answers, as many 政策解读 are; the page renders it as a Q&A list.
const stationInterpretation = `《关于加强退役军人服务站规范化建设的实施意见（征求意见稿）》政策解读
问：为什么要对服务站提出统一要求？
答：全省服务站已实现全覆盖，但各地建设标准不一，部分服务站“有牌子、找不到人”。实施意见对场所、人员、服务事项和工作制度作出统一规定，让退役军人在家门口找得到人、办得成事。
问：服务站每周开放几天？
答：实施意见要求服务站每周至少开放五个工作日，并公布开放时间和联系电话；节假日安排人员值班。
问：服务站可以办理哪些事项？
答：政策咨询、信息采集、帮扶援助、就业创业服务和走访慰问等，具体清单由各市结合实际公布。`;

export const upcomingConsultation: DemoConsultation = {
  title: "关于加强退役军人服务站规范化建设的实施意见（征求意见稿）",
  docType: "normative",
  summary:
    "为解决部分基层退役军人服务站场所简陋、人员不足、服务不规范等问题，省退役军人事务厅起草了本实施意见，对服务站的场所、人员、服务事项和工作制度提出统一要求。征求意见期开始后，欢迎社会各界提出意见建议。",
  draft: stationDraft,
  basis: stationBasis,
  interpretation: stationInterpretation,
  comments: [],
};

// ---------------------------------------------------------------------------------------------
// 已截止：辽宁省“十五五”退役军人事业发展规划（征求意见稿）
// ---------------------------------------------------------------------------------------------

const planDraft = `辽宁省“十五五”退役军人事业发展规划（征求意见稿）
第一章 总体要求
第一条 为了推动全省退役军人事业高质量发展，根据《中华人民共和国退役军人保障法》和国家、本省国民经济和社会发展第十五个五年规划，编制本规划。规划期为2026年至2030年。
第二条 “十四五”时期，全省退役军人工作体系基本健全，移交安置、就业创业、优待抚恤、褒扬纪念等工作取得明显成效，同时仍存在服务保障城乡区域不平衡、就业质量有待提高、信息化水平不高等问题。
第三条 规划实施坚持以下原则：
（一）坚持党的领导，把党的领导贯穿退役军人工作全过程；
（二）坚持以退役军人为中心，着力解决退役军人急难愁盼问题；
（三）坚持尊崇优待，让军人成为全社会尊崇的职业；
（四）坚持改革创新，推动退役军人工作制度化、规范化、信息化。
第四条 到2030年，全省退役军人事业发展的主要目标是：
（一）移交安置工作平稳有序，安置岗位质量进一步提升；
（二）退役军人就业质量明显提高，每年组织退役军人职业技能培训不少于一万人次；
（三）县、乡、村三级服务保障体系规范运行，服务站示范创建比例达到百分之三十以上；
（四）烈士纪念设施保护管理水平全面提升，英烈褒扬氛围更加浓厚。
第二章 主要任务
第五条 做好移交安置。完善军地协调机制，落实阳光安置，提高安置计划执行率和岗位匹配度。
第六条 促进就业创业。健全退役军人就业创业政策体系，推进教育培训与就业服务有机衔接，打造一批退役军人创业孵化基地和就业见习基地。
第七条 落实优待抚恤。完善优待证使用场景，建立抚恤补助标准动态调整机制，提升优抚医院、光荣院服务水平。
第八条 加强褒扬纪念。实施烈士纪念设施提质改造，推进零散烈士纪念设施集中保护，深化为烈士寻亲工作。
第九条 健全服务保障体系。推进退役军人服务中心（站）规范化建设，完善帮扶援助机制，加强基层工作力量。
第十条 推进数字化建设。建设全省退役军人信息服务平台，推动跨部门数据共享和“一网通办”，同时保障个人信息安全。
第三章 保障措施
第十一条 加强组织领导和资金保障。各级人民政府应当将退役军人事业发展纳入本地区经济社会发展总体布局，统筹安排相关资金。
第十二条 加强规划实施和评估。省退役军人事务厅会同有关部门对规划实施情况开展年度监测，2028年组织中期评估，规划期末开展总结评估，评估结果向社会公开。`;

const planBasis = `关于《辽宁省“十五五”退役军人事业发展规划（征求意见稿）》的决策依据和起草说明
一、编制的必要性
“十五五”时期是推进退役军人工作体系和工作能力现代化的关键时期。编制本规划，是落实国家退役军人事业发展部署、衔接我省国民经济和社会发展第十五个五年规划的需要，也是系统谋划今后五年全省退役军人工作的需要。
二、编制依据
《中华人民共和国退役军人保障法》、国家有关退役军人事业发展的规划和政策文件，以及我省国民经济和社会发展规划的总体安排。本规划属于重大行政决策事项，依照《重大行政决策程序暂行条例》履行公众参与程序。
三、编制过程
2025年起，省退役军人事务厅开展“十四五”规划实施情况总结评估，组织开展专题研究，赴各市调研，召开专家论证会和退役军人代表座谈会，形成规划征求意见稿。
四、主要内容
规划分为总体要求、主要任务和保障措施三章共十二条，明确了规划期的基本原则和主要目标，部署了移交安置、就业创业、优待抚恤、褒扬纪念、服务保障和数字化建设六项主要任务。
五、需要说明的问题
规划中的量化指标为预期性指标，将在年度计划中分解落实，并根据中期评估结果进行调整。`;

const planInterpretation = `规划明确了今后五年全省退役军人工作的“路线图”：一是稳安置，提高安置岗位质量；二是促就业，每年组织职业技能培训不少于一万人次；三是强服务，推动县乡村三级服务保障体系规范运行；四是重褒扬，提升烈士纪念设施保护管理水平；五是推数字化，建设全省退役军人信息服务平台。规划实施情况将开展年度监测和中期评估，评估结果向社会公开。`;

const planComments: DemoComment[] = [
  { day: 0, minute: 520, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "支持规划，希望每年公布落实情况。" },
  {
    day: 0,
    minute: 610,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [4],
    name: "于长河",
    text: "第四条第（二）项每年培训一万人次，这个指标是看人次还是看人数？同一个人培训三次算三次的话，数字好看但意义不大，建议加一个培训后就业率的指标。",
  },
  {
    day: 0,
    minute: 745,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [7],
    text: "优待证现在能用的地方太少，公园景区还行，看病、坐车基本用不上，希望规划里明确多拓展点场景。",
  },
  {
    day: 0,
    minute: 902,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [8],
    text: "我们村后山有一座烈士墓，常年没人管，杂草都比人高了。第八条说零散烈士纪念设施集中保护，希望能落实到村一级。",
  },
  { day: 0, minute: 1130, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "规划写得挺好，关键看执行😊" },
  {
    day: 1,
    minute: 480,
    identity: "社会组织",
    publish: "named",
    channel: "web",
    articles: [4, 12],
    name: "蒋文涛",
    organisation: "大连市退役军人事业研究会",
    text: "建议第四条的主要目标增加可量化的指标，例如退役军人就业率、服务站满意度、诉求按时办结率等，并在第十二条中明确由第三方机构开展中期评估，评估报告全文公开。",
  },
  {
    day: 1,
    minute: 700,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [5],
    text: "阳光安置希望把岗位、分数、排名都公开，别搞暗箱操作。",
  },
  {
    day: 1,
    minute: 1015,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    text: "一网通办很好，但是很多老兵不会用手机，线下窗口一定要保留。",
  },
  {
    day: 2,
    minute: 560,
    identity: "企业",
    publish: "named",
    channel: "web",
    articles: [6],
    name: "田野",
    organisation: "葫芦岛远航船舶服务有限公司",
    text: "就业见习基地这个提法很好，我们公司愿意申报。希望规划出台后尽快出见习补贴的具体办法。",
  },
  { day: 2, minute: 830, identity: "退役军人", publish: "anonymous", channel: "web", articles: [7], text: "抚恤补助动态调整，建议每年调一次，跟着物价走。" },
  {
    day: 3,
    minute: 640,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [2],
    text: "第二条的问题总结得比较客气，实际上农村服务站的问题比写的严重。",
  },
  {
    day: 4,
    minute: 910,
    identity: "退役军人",
    publish: "anonymous",
    channel: "phone",
    articles: [7],
    text: "来电人反映：其为光荣院供养对象家属，希望规划中提高光荣院护理人员配备标准，改善失能老人护理条件。",
  },
  { day: 5, minute: 700, identity: "退役军人", publish: "anonymous", channel: "web", articles: [], text: "赞成这个规划" },
  {
    day: 6,
    minute: 820,
    identity: "军属",
    publish: "anonymous",
    channel: "web",
    articles: [8],
    text: "为烈士寻亲的工作很有意义，我爷爷的哥哥就是在外省牺牲的，一直没找到，希望能帮帮我们。",
  },
  {
    day: 7,
    minute: 1005,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    note: "spam",
    text: "专业定制各类奖牌、锦旗、纪念章，量大从优，加微信 jinqi_2025 详谈",
  },
  {
    day: 8,
    minute: 590,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [9],
    text: "服务站示范创建比例30%，剩下70%怎么办？建议同时规定不达标服务站的整改要求。",
  },
  {
    day: 9,
    minute: 760,
    identity: "社会组织",
    publish: "anonymous",
    channel: "email",
    articles: [9, 11],
    email: "volunteer@example.org",
    text: "建议在第九条和第十一条中明确支持社会组织、志愿服务力量参与退役军人服务保障，并通过政府购买服务予以支持。",
  },
  {
    day: 11,
    minute: 650,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [10],
    text: "数据共享一定要把个人信息保护好，前几年还接到过冒充退役军人事务部门的诈骗电话。",
  },
  {
    day: 12,
    minute: 880,
    identity: "退役军人",
    publish: "private",
    channel: "web",
    articles: [5],
    name: "魏东升",
    note: "pii",
    text: "我是2024年转业的，安置到现在还没落实岗位，多次反映没有结果。我的联系电话是186-4023-7519，希望有人联系我。",
  },
  {
    day: 14,
    minute: 720,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [3],
    text: "第三条原则第（三）项“让军人成为全社会尊崇的职业”写得好。",
  },
  {
    day: 16,
    minute: 540,
    identity: "退役军人",
    publish: "anonymous",
    channel: "meeting",
    articles: [6, 9],
    text: "在锦州市退役军人代表座谈会上，代表建议：规划应更加关注县域和农村退役军人，就业创业资源和服务站建设向县乡倾斜。",
  },
  {
    day: 18,
    minute: 1090,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [],
    text: "The plan looks comprehensive. Please add a clear timeline for the online service platform.",
  },
  { day: 19, minute: 630, identity: "军属", publish: "anonymous", channel: "web", articles: [7], text: "建议把军属也纳入优待证适用范围，至少是现役军人家属。" },
  {
    day: 21,
    minute: 960,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [11],
    text: "资金保障只写了“统筹安排”，建议明确各级财政投入逐年增长。",
  },
  {
    day: 22,
    minute: 700,
    identity: "其他群众",
    publish: "anonymous",
    channel: "web",
    articles: [],
    note: "off_topic",
    text: "我们楼下烧烤店天天半夜吵，投诉了好几次都没人管。",
  },
  {
    day: 24,
    minute: 815,
    identity: "退役军人",
    publish: "anonymous",
    channel: "letter",
    articles: [8],
    name: "石玉山",
    text: "我是一名老兵，今年七十三岁。建议规划里加上组织中小学生祭扫烈士墓、开展国防教育的内容，让孩子们不忘历史。",
  },
  {
    day: 26,
    minute: 600,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [12],
    text: "中期评估放在2028年合适，建议评估时也听听退役军人的意见。",
  },
  { day: 28, minute: 930, identity: "退役军人", publish: "anonymous", channel: "web", articles: [6], text: "规划里对退役军人创业的融资支持提得少，建议补充。" },
  {
    day: 29,
    minute: 480,
    identity: "退役军人",
    publish: "named",
    channel: "web",
    articles: [4, 5, 6],
    name: "林海峰",
    text: "截止前补充一条意见：第四条的目标、第五条的安置和第六条的就业之间要衔接，比如安置岗位不满意的人能不能转为自主就业并享受扶持，规划里应该有个说法。",
  },
  { day: 29, minute: 700, identity: "军属", publish: "anonymous", channel: "web", articles: [], text: "希望规划早日印发实施。" },
  {
    day: 29,
    minute: 1010,
    identity: "退役军人",
    publish: "anonymous",
    channel: "web",
    articles: [9],
    text: "帮扶援助机制要覆盖生活困难的老兵，特别是孤寡的。",
  },
  { day: 29, minute: 1380, identity: "社会组织", publish: "anonymous", channel: "web", articles: [], text: "建议规划印发后同步发布图解和解读，方便基层宣传。" },
];

export const closedConsultation: DemoConsultation = {
  title: "辽宁省“十五五”退役军人事业发展规划（征求意见稿）",
  docType: "major_decision",
  summary:
    "《辽宁省“十五五”退役军人事业发展规划（征求意见稿）》明确了2026年至2030年全省退役军人事业发展的基本原则、主要目标和主要任务。本次征求意见已截止，意见正在研究处理。",
  draft: planDraft,
  basis: planBasis,
  interpretation: planInterpretation,
  comments: planComments,
};
