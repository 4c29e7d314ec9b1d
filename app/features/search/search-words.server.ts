import { Jieba, TfIdf } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict.js";

/**
 * Word segmentation for search, by jieba: the keywords of a draft (suggested under the search box)
 * and the words of a compound the texts never use as written (创业贷款 → 创业 + 贷款, where the
 * draft says 创业担保贷款). The index itself needs no segmentation; see docs/decisions/0006.
 */

// The dictionaries take about 0.4 s to load: a process pays for them at its first use, not at start.
let loaded: { jieba: Jieba; tfidf: TfIdf } | undefined;
function jieba() {
  loaded ??= { jieba: Jieba.withDict(dict), tfidf: TfIdf.withDict(idf) };
  return loaded;
}

const HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

/** The words of a Chinese compound, or [] when it is one word or not Chinese. */
export function compoundParts(term: string): string[] {
  if (!HAN_ONLY.test(term) || [...term].length < 3) return [];
  const words = [...new Set(jieba().jieba.cut(term, false))];
  return words.length > 1 ? words : [];
}

// Words every administrative draft repeats: true keywords of none of them.
const BOILERPLATE = new Set(
  (
    "应当 规定 办法 意见 条例 工作 部门 有关 相关 按照 依照 依法 实施 加强 推进 坚持 建立 健全 完善 开展 " +
    "负责 组织 管理 机制 制定 情况 给予 全省 本省 本办法 事务 主管部门 人民政府 征求意见 征求意见稿 单位 " +
    "个人 进行 提供 做好 落实 支持 鼓励 促进 规范 保障 实行 执行 参照 予以 办理 部署 职责 以上 县级"
  ).split(" ")
);
const KEYWORD = /^[\u4e00-\u9fff]{2,8}$/;
const CONTENT_TAGS = ["n", "nz", "nt", "ns", "vn", "v", "l", "j"];

/** The draft's most characteristic words by TF-IDF, nouns and verbs only, boilerplate left out. */
export function draftKeywords(text: string, limit: number): Array<{ keyword: string; weight: number }> {
  const { jieba: cutter, tfidf } = jieba();
  return tfidf
    .extractKeywords(cutter, text, limit * 2, CONTENT_TAGS)
    .filter((k) => KEYWORD.test(k.keyword) && !BOILERPLATE.has(k.keyword))
    .slice(0, limit);
}
