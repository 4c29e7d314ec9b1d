import { describe, expect, it } from "vitest";
import { chooseFont } from "./pdf-font.server";

const NOTO = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc|Noto Serif CJK SC|NotoSerifCJKsc-Regular|Regular";
const UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc|AR PL UKai CN|ARPLUKaiCN|Book";
const FANGSONG = "/usr/share/fonts/win/simfang.ttf|FangSong,仿宋|FangSong|Regular";

describe("the PDF's face", () => {
  it("prefers 仿宋, then a Kai face, and leaves the default to the configuration", () => {
    expect(chooseFont([NOTO, UKAI, FANGSONG].join("\n"))).toEqual({ path: "/usr/share/fonts/win/simfang.ttf", family: "FangSong", name: "FangSong" });
    expect(chooseFont([NOTO, UKAI].join("\n"))).toMatchObject({ path: "/usr/share/fonts/truetype/arphic/ukai.ttc", name: "ARPLUKaiCN" });
    expect(chooseFont(NOTO)).toBeNull();
    expect(chooseFont("")).toBeNull();
  });

  it("never takes a bold face for body text", () => {
    expect(chooseFont("/x/fangb.ttf|FangSong|FangSong-Bold|Bold")).toBeNull();
  });
});
