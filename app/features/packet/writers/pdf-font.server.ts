// Which face the PDF is set in. Government documents are set in 仿宋 (GB/T 9704), so where a
// FangSong face is installed the packet uses it; a Kai face (AR PL UKai, Debian's
// fonts-arphic-ukai) is the nearest free substitute; else Noto Serif CJK, the configured default.
// PDF_FONT_PATH set in the environment always wins: the administrator chose.
import { execFileSync } from "node:child_process";
import { env } from "~/platform/env.server";

export interface PdfFont {
  path: string;
  /** The PostScript name of the face inside a .ttc collection. */
  name: string;
  /** For the page and the report: which family was chosen. */
  family: string;
}

/** Families in order of preference: 仿宋 first, then 楷 as the closest free substitute. */
const PREFERRED: RegExp[] = [/仿宋|FangSong|Fangsong|FZFangSong|STFangsong/i, /AR PL UKai CN|AR PL UKai|楷体|KaiTi/i];

/** Picks the preferred face from `fc-list -f '%{file}|%{family}|%{postscriptname}|%{style}\n'` output. */
export function chooseFont(fcList: string): PdfFont | null {
  const faces = fcList
    .split("\n")
    .map((line) => line.split("|"))
    .filter((f) => f.length >= 4 && /\.(ttf|otf|ttc)$/i.test(f[0]) && !/bold|粗/i.test(f[3]))
    .map(([path, family, name]) => ({ path, family: family.split(",")[0], name }));
  for (const wanted of PREFERRED) {
    const face = faces.find((f) => wanted.test(f.family));
    if (face) return face;
  }
  return null;
}

let cached: PdfFont | undefined;

export function pdfFont(): PdfFont {
  if (cached) return cached;
  const e = env();
  let chosen: PdfFont | null = null;
  if (!process.env.PDF_FONT_PATH) {
    try {
      chosen = chooseFont(execFileSync("fc-list", ["-f", "%{file}|%{family}|%{postscriptname}|%{style}\\n", ":lang=zh"], { encoding: "utf8", timeout: 3000 }));
    } catch {
      chosen = null; // no fontconfig: the configured default
    }
  }
  cached = chosen ?? { path: e.PDF_FONT_PATH, name: e.PDF_FONT_NAME, family: e.PDF_FONT_NAME };
  return cached;
}
