import { describe, expect, test } from "vitest";
import { detectPii } from "./pii";

const addresses = (text: string) =>
  detectPii(text)
    .filter((m) => m.kind === "address")
    .map((m) => m.text);

describe("street addresses", () => {
  test.each([
    ["我家住在沈阳市皇姑区细河街9号。", "沈阳市皇姑区细河街9号"],
    ["住址：和平区南京北街12号3单元502室，", "和平区南京北街12号3单元502室"],
    ["地址是辽宁省大连市中山区人民路15号", "辽宁省大连市中山区人民路15号"],
    ["我住阳光小区3号楼2单元501，", "阳光小区3号楼2单元501"],
    ["现住于洪区红旗家园12栋3单元201室", "于洪区红旗家园12栋3单元201室"],
    ["老家铁岭县李家村3组15号", "铁岭县李家村3组15号"],
    ["寄到长宁路1018弄7号1203室", "长宁路1018弄7号1203室"],
    ["住光明里5-2号", "光明里5-2号"],
    ["位于浑南区创新路二段8号", "浑南区创新路二段8号"],
    ["家住幸福路十二号", "幸福路十二号"],
    ["在世纪花园二期6号楼", "世纪花园二期6号楼"],
    ["住在东风街道胜利路7号4层", "东风街道胜利路7号4层"],
  ])("%s", (text, expected) => {
    expect(addresses(text)).toEqual([expected]);
  });

  test("finds a building, unit and room without an estate name", () => {
    expect(addresses("我家是5号楼2单元302")).toEqual(["5号楼2单元302"]);
    expect(addresses("在3单元502室")).toEqual(["3单元502室"]);
  });

  test("stops at words that belong to the sentence, not the address", () => {
    expect(addresses("建议把我家附近的人民路12号改成服务站")).toEqual(["人民路12号"]);
    expect(addresses("服务站在和平区南京北街12号和皇姑区黄河北大街56号")).toEqual(["和平区南京北街12号", "皇姑区黄河北大街56号"]);
  });

  test("does not take a following quantity or date as a room number", () => {
    expect(addresses("阳光小区3号楼2单元2026年交付")).toEqual(["阳光小区3号楼2单元"]);
  });

  test.each([
    "沈阳市皇姑区的退役军人服务中心",
    "人民路上的公交站",
    "每月5号发放补贴，12号前办完",
    "地铁2号线和3号线",
    "走路3号门进",
    "第三单元的内容",
    "依据国务院令第713号",
    "本条12号文件",
  ])("ignores %s", (text) => {
    expect(addresses(text)).toEqual([]);
  });
});
