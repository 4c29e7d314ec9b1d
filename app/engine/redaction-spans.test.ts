// A redaction replaces the personal data and nothing else: the words around it keep their meaning.
import { describe, expect, test } from "vitest";
import { detectPii, redact } from "./pii";

const redacted = (text: string) => redact(text, detectPii(text));

describe("redact() replaces exactly the span with a typed label", () => {
  test("spans at the very start and end of the text and of a sentence", () => {
    expect(redact("13912345678", [{ kind: "phone", start: 0, end: 11 }])).toBe("[手机号已隐去]");
    expect(redact("请联系13912345678。谢谢", [{ kind: "phone", start: 3, end: 14 }])).toBe("请联系[手机号已隐去]。谢谢");
    expect(redact("a@b.cn是我的邮箱。", [{ kind: "email", start: 0, end: 6 }])).toBe("[邮箱已隐去]是我的邮箱。");
  });

  test("adjacent spans keep both labels and every word around them", () => {
    expect(
      redact("联系人：李明13912345678。", [
        { kind: "name", start: 4, end: 6 },
        { kind: "phone", start: 6, end: 17 },
      ])
    ).toBe("联系人：[姓名已隐去][手机号已隐去]。");
  });

  test("overlapping spans become one label covering their union, never more", () => {
    const text = "我的号码13912345678请回电";
    expect(
      redact(text, [
        { kind: "phone", start: 4, end: 15 },
        { kind: "qq", start: 6, end: 15 },
      ])
    ).toBe("我的号码[个人信息已隐去]请回电");
    expect(
      redact(text, [
        { kind: "phone", start: 6, end: 15 },
        { kind: "phone", start: 4, end: 10 },
      ])
    ).toBe("我的号码[手机号已隐去]请回电");
  });

  test("spans out of range or empty change nothing beyond the text", () => {
    expect(
      redact("电话13912345678", [
        { kind: "phone", start: 2, end: 99 },
        { kind: "email", start: 5, end: 5 },
      ])
    ).toBe("电话[手机号已隐去]");
  });
});

describe("detected spans do not swallow the sentence around the personal data", () => {
  test.each([
    ["希望尽快解决沈阳市皇姑区崇山中路12号3单元502的问题", "希望尽快解决[地址已隐去]的问题"],
    ["建议沈阳市和平区南京北街12号附近增设服务站", "建议[地址已隐去]附近增设服务站"],
    ["反映一下大东区小东路5号的情况", "反映一下[地址已隐去]的情况"],
    ["能否在和平区南京北街12号设立服务站", "能否在[地址已隐去]设立服务站"],
    ["我叫王建国，住在大东区小东路5号", "我叫[姓名已隐去]，住在[地址已隐去]"],
    ["电话024-86123456转123，手机13912345678。", "电话[电话号码已隐去]，手机[手机号已隐去]。"],
  ])("%s", (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });
});
