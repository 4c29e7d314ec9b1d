import { collect } from "~/platform/collect";
import { describe, expect, it } from "vitest";
import { csvField, csvLine, registerCsvChunks } from "./csv";
import { PUBLIC_REGISTER_COLUMNS } from "./register-columns";

describe("CSV fields", () => {
  it("quotes only what needs quoting, doubling quotes (RFC 4180)", () => {
    expect(csvField("第五条")).toBe("第五条");
    expect(csvField("甲,乙")).toBe('"甲,乙"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
  });

  it("keeps anything a spreadsheet would run as a formula as text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(csvField(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(csvField('=HYPERLINK("http://example.com")')).toBe(`"'=HYPERLINK(""http://example.com"")"`);
    expect(csvField("1-2")).toBe("1-2");
  });

  it("ends every record with CRLF and starts the file with a BOM and the header", async () => {
    expect(csvLine(["a", "b"])).toBe("a,b\r\n");
    const rows = Array.from({ length: 3 }, (_, i) => ({
      no: i + 1,
      receiptNo: `ZQ-${i}`,
      receivedAt: "2026-03-01 09:00",
      articles: "总体意见",
      text: `意见${i}`,
      author: "网友",
      identity: "企业",
      channel: "电话",
      files: "",
      disposition: "",
      reason: "",
    }));
    const file = await collect(registerCsvChunks(rows, 2));
    expect(file).toHaveLength(2);
    expect(file.join("")).toBe(
      "\uFEFF序号,回执编号,收到时间,条款,意见内容,提出人/单位,身份,渠道,附件,采纳情况,理由\r\n" +
        [0, 1, 2].map((i) => `${i + 1},ZQ-${i},2026-03-01 09:00,总体意见,意见${i},网友,企业,电话,,,\r\n`).join("")
    );
  });

  it("leaves the receipt number out of the public register", async () => {
    const row = {
      no: 1,
      receiptNo: "ZQ-1",
      receivedAt: "2026-03-01 09:00",
      articles: "总体意见",
      text: "意见",
      author: "网友",
      identity: "企业",
      channel: "电话",
      files: "",
      disposition: "",
      reason: "",
    };
    const file = (await collect(registerCsvChunks([row], 500, PUBLIC_REGISTER_COLUMNS))).join("");
    expect(file).toBe("\uFEFF序号,收到时间,条款,意见内容,提出人/单位,身份,渠道,附件,采纳情况,理由\r\n1,2026-03-01 09:00,总体意见,意见,网友,企业,电话,,,\r\n");
  });
});
