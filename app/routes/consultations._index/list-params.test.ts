import { describe, expect, it } from "vitest";
import { listHeading } from "./list-params";

describe("listHeading", () => {
  it("names a status-only filter instead of saying 全部征求意见", () => {
    expect(listHeading({ status: "open" })).toBe("征求中的征求意见");
    expect(listHeading({ status: "feedback_published" })).toBe("已公布反馈的征求意见");
  });

  it("names the search, with the filters it runs under", () => {
    expect(listHeading({ q: "就业" })).toBe("“就业”的搜索结果");
    expect(listHeading({ q: "就业", status: "open" })).toBe("“就业”的搜索结果（征求中）");
  });

  it("lists several filters, and says 全部 only when there are none", () => {
    expect(listHeading({})).toBe("全部征求意见");
    expect(listHeading({ status: "open", type: "rule", division: 3 }, "就业创业处")).toBe("筛选结果：征求中、政府规章、就业创业处");
    expect(listHeading({ type: "rule" })).toBe("筛选结果：政府规章");
  });
});
