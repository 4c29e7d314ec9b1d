import type { AnalysisComment } from "./types";

/**
 * A small invented consultation (a city's dog-keeping rules) for the engine's unit tests and, when the shared
 * corpus is absent, for the benchmark. Four subjects (registration, leashes, restricted breeds, mess and noise),
 * one form-letter campaign, and comments without substance.
 */
export const FIXTURE_DRAFT = `# 某市养犬管理办法（征求意见稿）

## 第一章 总则

第一条 为了规范养犬行为，保障公民人身安全和健康，维护市容环境和社会秩序，制定本办法。

第二条 本办法适用于本市行政区域内的养犬及相关管理活动。

## 第二章 犬只登记

第三条 个人饲养犬只的，应当自取得犬只之日起三十日内，持犬只免疫证明到居住地派出所办理养犬登记，领取养犬登记证。

第四条 养犬登记证每年年检一次。养犬人应当按照规定缴纳登记费用，逾期未年检的，登记证失效。

## 第三章 养犬行为规范

第五条 携带犬只出户的，应当为犬只佩戴犬牌，并使用不超过一点五米的牵引绳，由成年人牵领。乘坐电梯的，应当避开高峰时段并为犬只戴嘴套。

第六条 重点管理区内禁止饲养烈性犬和大型犬。禁养犬种名录由公安机关会同农业农村部门制定并公布。

第七条 携带犬只出户的，应当即时清除犬只在户外排泄的粪便。养犬不得干扰他人正常生活，犬只吠叫影响他人休息的，养犬人应当采取措施予以制止。

## 第四章 法律责任

第八条 违反本办法第五条规定的，由公安机关责令改正，可以处五十元以上二百元以下罚款。

第九条 本办法自2030年1月1日起施行。
`;

const registration = [
  "养犬登记证每年都要年检太麻烦了，建议改成三年一检，网上就能办。",
  "办理养犬登记要跑派出所，上班族根本没时间，希望开通网上登记。",
  "登记费用到底多少钱？办法里没写清楚，建议公布收费标准。",
  "犬只免疫证明和养犬登记证能不能合并成一个证，省得跑两个地方。",
  "三十日内办理登记时间太短了，刚抱回来的小狗还没打完疫苗，办不了免疫证明。",
  "年检逾期登记证就失效，建议给一个月的宽限期，并且提前短信提醒。",
  "老人养狗不会用手机，登记和年检还是要保留派出所窗口办理。",
  "建议对退休老人和低保户减免养犬登记费用。",
];

const leash = [
  "牵引绳一点五米太短了，大狗走路都别扭，建议放宽到两米。",
  "小区里遛狗不拴绳的太多了，孩子被吓哭好几次，必须严格执行牵引绳规定。",
  "电梯里遇到大狗很害怕，赞成乘电梯给犬只戴嘴套。",
  "晚上遛狗不拴绳，狗冲过来差点咬人，物业也不管，建议加大处罚。",
  "高峰时段不能带狗坐电梯，住三十层的怎么办？要求写清楚什么是高峰时段。",
  "遛狗必须由成年人牵领这一条好，小孩牵不住大狗。",
  "公园草坪能不能划出专门的遛狗区域，狗可以在里面不拴绳活动。",
  "不拴绳罚五十元太少了，根本没有威慑力，建议提高罚款。",
];

const breeds = [
  "禁养犬种名录一定要公开，现在很多人不知道自己的狗是不是烈性犬。",
  "大型犬不等于烈性犬，金毛拉布拉多性格很温顺，不应该一刀切禁养。",
  "已经养了多年的大型犬怎么办？建议老犬老办法，不要强制送走。",
  "重点管理区的范围要划清楚，郊区农村看家护院需要大型犬。",
  "烈性犬伤人事件太多了，坚决支持禁养烈性犬。",
  "禁养名录按体型身高划分不科学，应该按犬种性格和攻击性来定。",
  "藏獒比特这些烈性犬必须禁养，建议对违规饲养的加重处罚。",
  "大型犬的认定标准是什么？肩高多少厘米算大型犬，请明确。",
  "已经养了多年的大型犬，名录公布后不能养了怎么办？建议给老犬设过渡期。",
  "烈性犬伤人事件太多，重点管理区禁养烈性犬我完全赞成，名录要及时更新。",
];

const mess = [
  "狗粪便满地都是，早上跑步经常踩到，必须要求主人即时清理。",
  "楼上的狗整夜吠叫，严重影响休息，投诉多次没人管。",
  "建议在小区和公园多设置犬只粪便收集箱，方便主人清理。",
  "狗叫扰民应该有具体标准，比如晚上十点以后叫多久算扰民。",
  "不清理粪便的应该罚款，现在办法里只写了应当清除，没有罚则。",
  "邻居家的狗白天一直叫，老人心脏不好受不了，希望能管一管噪音。",
  "小区绿化带里全是狗粪便，孩子都不敢去玩，物业要负起清理责任。",
  "犬只吠叫影响他人休息的采取措施制止，这个太模糊了，谁来认定？",
  "遛狗时随身带袋子清理粪便应该写进办法，不清理的由城管处罚。",
  "半夜狗叫扰民报警也没用，建议明确由哪个部门处理犬只噪音投诉。",
];

const campaignBase = "我们是爱心志愿者，强烈建议在办法中增加流浪犬收容救助的内容，由政府设立收容所，鼓励领养代替购买，禁止随意扑杀流浪犬。";
const campaign = [
  campaignBase,
  `${campaignBase}谢谢！`,
  campaignBase.replace("强烈建议", "恳请"),
  `王小明：${campaignBase}`,
  campaignBase.replace("，", " , ").replace("。", "!!"),
  `${campaignBase.replace("由政府设立收容所，", "")}希望采纳。`,
];

const noSubstance = ["支持！", "同意", "test", "👍👍👍", "没有意见。", ""];

const special = [
  "Article 5 should allow a longer leash for large dogs; 1.5 metres is too short.",
  "養犬登記證每年年檢太麻煩，建議改為網上辦理。",
  "我的电话13812345678，狗被邻居打伤了，请联系我。",
  "第七条关于粪便清理的规定很好，但是要配套设置垃圾桶。",
];

export function fixtureComments(): AnalysisComment[] {
  const texts: [string, string][] = [
    ...registration.map((t): [string, string] => ["registration", t]),
    ...leash.map((t): [string, string] => ["leash", t]),
    ...breeds.map((t): [string, string] => ["breeds", t]),
    ...mess.map((t): [string, string] => ["mess", t]),
    ...campaign.map((t): [string, string] => ["campaign", t]),
    ...noSubstance.map((t): [string, string] => ["none", t]),
    ...special.map((t): [string, string] => ["special", t]),
  ];
  return texts.map(([, text], i) => ({ id: `f${String(i + 1).padStart(3, "0")}`, text, sender: `sender-${i % 37}` }));
}

/** The subject each fixture comment was written for, by id. */
export function fixtureSubjects(): Map<string, string> {
  const subjects = [
    ...registration.map(() => "registration"),
    ...leash.map(() => "leash"),
    ...breeds.map(() => "breeds"),
    ...mess.map(() => "mess"),
    ...campaign.map(() => "campaign"),
    ...noSubstance.map(() => "none"),
    ...special.map(() => "special"),
  ];
  return new Map(subjects.map((s, i) => [`f${String(i + 1).padStart(3, "0")}`, s]));
}
