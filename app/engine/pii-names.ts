// Private persons named in a comment: 我父亲王建国, 邻居张秀英, a signature at the end. jieba's
// part-of-speech tags find the names its dictionary and HMM know (nr, or x for a word it has never
// seen); a surname followed by a given name the tagger split off (郑/宏伟, 张/秀英) is joined back when
// a cue before it (我叫, 邻居, 父亲) says a person is meant. A name is rarely certain, so most are low
// confidence, for the moderator; only a name after an explicit label (姓名, 联系人, 我叫) or as the
// signature that ends the comment is redacted outright.
//
// Not taken: a surname with an honorific only (王先生, 刘女士: not a full name), anonymised names
// (张某, 李某某), and public figures named in their public role (习近平总书记, 雷锋), which are no
// private person's data.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { Confidence } from "./pii-types";

export interface NameSpan {
  kind: "name";
  start: number;
  end: number;
  confidence: Confidence;
}

// The most common single surnames (about 90 % of the population) and compound ones.
const SURNAMES = new Set([
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝",
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "令狐",
  "夏侯",
]);
// Characters common in given names. A name the tagger proposes must be made of these, which rules out
// the many words that merely begin with a surname character (许可证, 高新区, 黄金周, 谢谢).
const GIVEN_CHARS = new Set([
  ..."伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志德立群淑芬宏贵友利玉梅晓东海燕文红辉鹏飞斌宇浩凯健俊帆帅旭宁龙林森波涛斌亮成荣新春生福祥瑞安然佳欣怡婷雪琳琴云莉萍倩颖慧嘉蕾薇璐露晶晨阳光honest".replace(
    "honest",
    ""
  ),
  ..."清泉山峰岩石松柏青永长庆喜乐和顺兴旺发财富宝珍珠凤凤鸣翠菊莲荷芝芸蓉莹玲珊琪瑶璇妍婉娇媛婵娥妹姣嫣茜蓓琼瑛丹彤彩虹霖雨露冰洁净纯真善美爱心诚信忠义仁礼智勤俭朴实",
  ..."卫兵武胜利民众振华中正直方圆天地宇宙星辰日月光明亮晖耀灿烂炜煜炳焕彬博学思敬尊贤良惠慧聪颖秋冬夏春季节梁栋楠桦桐榕樟杉枫柳杨槐",
  ..."子小少大一二三四五六七八九十百千万亿元金银铜铁锋锐钢镇铭锦钧钰铎鑫淼焱垚磊森品晶众",
  ..."家庭宗祖世代传承继承绍续延寿康泰宁静怀远启航帆舟涵泽浩瀚沛洪涌潮澜波涛润滨洲渊源溪江河湖海",
  ..."义仁礼智信忠孝廉耻勇毅刚强健壮伟岸魁梧英雄豪杰俊彦秀逸雅致韵律诗书画琴棋",
  ..."芳菲芬芷兰蕙若萱茹菁蔚葳荃荪苓莎萌蓝芹荔葆蕴宜宣容客定宏宪实富宽宾",
]);
// Last characters of words that look like names but name a place, a building or a thing.
const NOT_A_NAME_END =
  /[和小大心区县市省镇乡村街路道巷桥岭园湾山河湖江港站馆院所局厅处科室部证书法性费员者业场店厂司楼府苑城坊庄塘寺庙堂宫阁门口边时间期周年月日号线车船机票费税款金]$/;
// Words the tagger takes for names that are not: 高中生, 农家乐, 文明 …
const NOT_NAMES = new Set(["高中生", "高三", "高二", "高一", "农家乐", "文明", "安静", "刁民", "高露洁", "黄金周", "高铁", "万家灯火", "金银花"]);
const PUBLIC_FIGURES = new Set([
  "毛泽东",
  "周恩来",
  "刘少奇",
  "朱德",
  "邓小平",
  "江泽民",
  "胡锦涛",
  "习近平",
  "李鹏",
  "朱镕基",
  "温家宝",
  "李克强",
  "李强",
  "雷锋",
  "黄继光",
  "邱少云",
  "董存瑞",
  "杨靖宇",
  "赵一曼",
  "孙中山",
  "鲁迅",
  "焦裕禄",
  "张富清",
  "杨利伟",
]);
// A role after the name: the person is named as an office holder or a figure of history, not privately.
const PUBLIC_ROLE = /^(?:总书记|主席|总理|委员长|书记|省长|市长|县长|区长|部长|厅长|局长|主任|同志|烈士|精神|先生|女士|老师|师傅|大爷|大妈|阿姨|叔叔|某)/;
// A place, a road or a business named after a person's name (唐家洲路段, 万家丽北路, 万乐家公司).
const PLACE_AFTER = /^(?:[东南西北中]?路|街|大道|镇|乡|村|组|社区|公司|集团|酒店|宾馆|小区|花园|广场|中学|小学|学校|医院|超市|大厦)/;
const HONORIFIC = /(?:先生|女士|小姐|老师|师傅|同志|大爷|大妈|阿姨|叔叔|老人|某+)$/;
const CJK = /^[\u4e00-\u9fff]+$/;
// Said just before a name: a label, or a relation that makes the name a private person's.
const LABEL_CUE = /(?:姓名|联系人|签名|落款|署名|我叫|名叫|本人叫|本人|我是|申请人|当事人|举报人|反映人|投诉人|求助人|来信人)\s?[:：]?\s?$/;
const RELATION_CUE =
  /(?:父亲|母亲|爸爸|妈妈|爱人|丈夫|妻子|老伴|儿子|女儿|孩子|哥哥|姐姐|弟弟|妹妹|爷爷|奶奶|外公|外婆|邻居|战友|同事|朋友|亲戚|老乡|村民|患者|病人|叫|是)\s?$/;
// Signature: the name is the last thing in the comment, after a dash, a space, 此致敬礼 or a line break.
const SIGNATURE_AFTER = /^\s*(?:[（(]?[^\n]{0,12}[）)])?\s*(?:\d{4}[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?)?\s*[。.！!]?\s*$/;
const SIGNATURE_BEFORE = /(?:[—\-－~～]{1,2}|\n|敬礼|此致|\s)\s*$/;

// 和, 向, 于, 时 … as a conjunction, preposition or adverb rather than a surname.
const FUNCTION_TAG = /^(?:c|p|d|u\w*|r|m|f|t)$/;

let jieba: Jieba | null = null;

function surnameLength(word: string): number {
  if (word.length >= 3 && SURNAMES.has(word.slice(0, 2))) return 2;
  return SURNAMES.has(word[0]) ? 1 : 0;
}

/** Surname + one or two given-name characters; a one-character given name only when something cues a person. */
function isFullName(word: string, cued: boolean): boolean {
  const s = surnameLength(word);
  const given = word.slice(s);
  if (s === 0 || !CJK.test(word) || given.length < 1 || given.length > 2) return false;
  if (given.length === 1 && !cued) return false;
  if (HONORIFIC.test(word) || PUBLIC_FIGURES.has(word) || NOT_NAMES.has(word) || NOT_A_NAME_END.test(word)) return false;
  return [...given].every((c) => GIVEN_CHARS.has(c));
}

export function findNames(text: string): NameSpan[] {
  jieba ??= Jieba.withDict(dict);
  return findNamesInTagged(text, jieba.tag(text, true));
}

/** findNames on a text already tagged (by jieba, in order), for a caller that tags it anyway. */
export function findNamesInTagged(text: string, tagged: readonly { word: string; tag: string }[]): NameSpan[] {
  const tokens: Array<{ word: string; tag: string; start: number }> = [];
  let at = 0;
  for (const { word, tag } of tagged) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    tokens.push({ word, tag, start });
    at = start + word.length;
  }
  const spans: NameSpan[] = [];
  const tokenEnds = new Map<number, number>(tokens.map((t, i) => [t.start + t.word.length, i]));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const s = surnameLength(text.slice(t.start, t.start + 3));
    if (s === 0) continue;
    const before = text.slice(Math.max(0, t.start - 6), t.start);
    const labelled = LABEL_CUE.test(before);
    const cued = labelled || RELATION_CUE.test(before);
    if (FUNCTION_TAG.test(t.tag) && !cued) continue;
    // The name may be one token (王建国/nr) or the tagger's pieces of it (郭/nr 立新/d, 陈立/x 群/n); it ends
    // where a token ends, and the longer reading wins.
    for (const length of [s + 2, s + 1]) {
      const end = t.start + length;
      const j = tokenEnds.get(end);
      if (j === undefined || j < i) continue;
      const after = text.slice(end);
      const signature = SIGNATURE_BEFORE.test(before) && SIGNATURE_AFTER.test(after) && end > text.length / 2;
      const word = text.slice(t.start, end);
      if (!isFullName(word, cued || signature) || PUBLIC_ROLE.test(after) || PLACE_AFTER.test(after)) continue;
      const pieces = tokens.slice(i, j + 1);
      const tagged = pieces.some((p) => p.tag.startsWith("nr") || p.tag === "x");
      // A single dictionary word tagged as something else (高中生/n) is that word, unless a label says otherwise.
      if (!(tagged || cued || signature) || (i === j && !tagged && !labelled)) continue;
      spans.push({ kind: "name", start: t.start, end, confidence: labelled || signature ? "high" : "low" });
      i = j;
      break;
    }
  }
  return spans;
}
