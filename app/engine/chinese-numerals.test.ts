import { describe, expect, test } from "vitest";
import { parseChineseNumeral, toChineseNumeral, toHalfWidthDigits } from "./chinese-numerals";

describe("parseChineseNumeral", () => {
  test.each([
    ["一", 1],
    ["九", 9],
    ["十", 10],
    ["十一", 11],
    ["十九", 19],
    ["二十", 20],
    ["二十一", 21],
    ["九十九", 99],
    ["一百", 100],
    ["一百零五", 105],
    ["一百〇五", 105],
    ["一百一十", 110],
    ["一百十", 110],
    ["一百一", 110],
    ["一百二十三", 123],
    ["两百", 200],
    ["兩百零二", 202],
    ["三百四十", 340],
    ["一千零一", 1001],
    ["一千零一十", 1010],
    ["两千五", 2500],
    ["一万", 10_000],
    ["一万零五", 10_005],
    ["一万五", 15_000],
    ["十万", 100_000],
    ["三亿零五万", 300_050_000],
    ["〇", 0],
    ["零", 0],
    ["二〇二六", 2026],
    ["12", 12],
    ["１２", 12],
    ["１０５", 105],
    [" 七 ", 7],
  ])("%s → %i", (input, expected) => {
    expect(parseChineseNumeral(input)).toBe(expected);
  });

  test.each(["", "条", "百", "千二", "十十", "一二十", "五百百", "abc", "一零零二百", "万", "一万万", "一万一万"])("rejects %j", (input) => {
    expect(parseChineseNumeral(input)).toBeNull();
  });
});

describe("toChineseNumeral", () => {
  test.each([
    [0, "零"],
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [99, "九十九"],
    [100, "一百"],
    [105, "一百零五"],
    [110, "一百一十"],
    [123, "一百二十三"],
    [200, "二百"],
    [1001, "一千零一"],
    [1010, "一千零一十"],
    [2300, "二千三百"],
    [10_000, "一万"],
    [10_001, "一万零一"],
    [10_010, "一万零一十"],
    [10_100, "一万零一百"],
    [11_000, "一万一千"],
    [32_000, "三万二千"],
    [100_000, "十万"],
    [110_000, "十一万"],
    [1_000_000, "一百万"],
    [100_000_000, "一亿"],
    [101_000_000, "一亿零一百万"],
    [100_000_010, "一亿零一十"],
  ])("%i → %s", (input, expected) => {
    expect(toChineseNumeral(input)).toBe(expected);
  });

  test("round-trips every number a draft could use", () => {
    for (let n = 0; n <= 1200; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  test("writes and reads back any positive integer, past 10,000 and 100,000", () => {
    for (let n = 9_990; n <= 12_100; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
    for (const n of [99_999, 100_000, 100_001, 123_456, 1_000_010, 20_304_050, 987_654_321, 1_000_000_000_001, Number.MAX_SAFE_INTEGER]) {
      expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
    }
  });

  test("refuses what it cannot write", () => {
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
    expect(() => toChineseNumeral(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

test("toHalfWidthDigits converts only digits", () => {
  expect(toHalfWidthDigits("第１２条ａ")).toBe("第12条ａ");
});
