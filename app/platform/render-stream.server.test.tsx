import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { bytesOf, withoutViewPadding } from "./render-stream.server";

/** Many short Chinese strings, so that some 3-byte character straddles the end of one of React's 2 KB views. */
const Page = () => (
  <ul>
    {Array.from({ length: 600 }, (_, i) => (
      <li key={i}>{`第${i}条意见：建议简化手续${i % 7 === 0 ? "，并说明理由" : ""}`}</li>
    ))}
  </ul>
);

function render(through: () => NodeJS.WritableStream & AsyncIterable<Buffer>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(<Page />, {
      onAllReady: () => resolve(bytesOf(pipe(through()))),
      onShellError: reject,
    });
  });
}

describe("withoutViewPadding", () => {
  it("gives the page React meant to send: no NUL byte, valid UTF-8, the same text", async () => {
    const raw = await render(() => new PassThrough());
    // The flaw it undoes (facebook/react#26228): if React 18's Node renderer is ever fixed, this says so.
    expect(raw.includes(0)).toBe(true);
    const clean = await render(withoutViewPadding);
    expect(clean.includes(0)).toBe(false);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(clean);
    expect(text).toBe(raw.toString("utf8").replaceAll("\u0000", ""));
    expect(text).toContain("第599条意见：建议简化手续");
    expect(text.match(/<li>/g)).toHaveLength(600);
  });

  it("passes a chunk without a zero byte through untouched, and drops each zero of one that has them", async () => {
    const t = withoutViewPadding();
    t.end(Buffer.from([0x61, 0, 0, 0x62, 0xe4, 0xb8, 0xad, 0]));
    expect(await bytesOf(t)).toEqual(Buffer.from("ab中"));
    const plain = Buffer.from("一段没有填充的文字");
    const u = withoutViewPadding();
    u.end(plain);
    const [out] = await u.toArray();
    expect(out).toBe(plain);
  });
});
