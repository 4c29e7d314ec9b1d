import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firstChars } from "./regex-first-chars";
import { NOT_AGAINST, OPPOSE, QUESTION, SUGGEST, SUPPORT } from "./stance-cues";
import { fixtureComments } from "./test-fixtures";

const chars = (p: RegExp) => {
  const set = firstChars(p);
  return set === null
    ? null
    : [...set]
        .map((c) => String.fromCharCode(c))
        .sort()
        .join("");
};

describe("firstChars", () => {
  it("reads literals, alternations, groups, optional parts, classes and lookarounds", () => {
    expect(chars(/不同意|反对/g)).toBe("不反");
    expect(chars(/(?:坚决|强烈)?反对/g)).toBe("反坚强");
    expect(chars(/(?<!不)过分|[甲乙]{1,2}丙|\d+号/g)).toBe("0123456789乙甲过");
    expect(chars(/(?:都|也)*不够(?!细)/)).toBe("不也都");
    expect(chars(/\u4e00-|a{0,3}b/)).toBe("ab一");
  });

  it("answers null where a match could start with anything", () => {
    for (const p of [/.好/, /\S{1,3}再/, /[^不]好/, /(?:不)?/, /a*/, /好/i, /[👍]/u, /(.)是\1/, /[\s好]/]) expect(firstChars(p)).toBeNull();
  });

  it("holds every first character of every stance cue's matches in the fixtures", () => {
    const ebike = fs
      .readFileSync(path.resolve(__dirname, "../../tests/fixtures/consultation-ebike/comments.jsonl"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ""));
    const texts = [...fixtureComments().map((c) => c.text), ...ebike];
    let checked = 0;
    for (const cue of [...NOT_AGAINST, ...OPPOSE, ...SUPPORT, ...SUGGEST, ...QUESTION]) {
      const set = firstChars(cue.pattern);
      if (set === null) continue;
      const global = new RegExp(cue.pattern.source, cue.pattern.flags.includes("g") ? cue.pattern.flags : `${cue.pattern.flags}g`);
      for (const text of texts) {
        for (const m of text.matchAll(global)) {
          if (m[0].length === 0) continue;
          expect(set.has(text.charCodeAt(m.index ?? 0))).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
