import { describe, expect, it } from "vitest";
import { classify, composeMail, isDeliverableAddress } from "./mailer.server";

const smtpError = (code: string, responseCode?: number, response?: string) => Object.assign(new Error(response ?? code), { code, responseCode, response });

describe("classify", () => {
  it("treats 5xx answers to the envelope or the message as permanent", () => {
    expect(classify(smtpError("EENVELOPE", 550, "550 5.1.1 No such user")).permanent).toBe(true);
    expect(classify(smtpError("EMESSAGE", 554, "554 5.7.1 Rejected")).permanent).toBe(true);
    expect(classify(smtpError("EENVELOPE")).permanent).toBe(true); // refused before sending
  });

  it("retries everything that is the server's or the configuration's problem", () => {
    expect(classify(smtpError("EENVELOPE", 451, "451 4.3.0 Try later")).permanent).toBe(false);
    expect(classify(smtpError("EAUTH", 535, "535 5.7.8 Bad credentials")).permanent).toBe(false);
    expect(classify(smtpError("ESOCKET")).permanent).toBe(false);
    expect(classify(smtpError("ETIMEDOUT")).message).toMatch(/ETIMEDOUT/);
  });
});

describe("addresses and headers", () => {
  it("accepts one plain address and nothing that could name a second recipient", () => {
    expect(isDeliverableAddress("vet@example.com")).toBe(true);
    for (const bad of ["a@example.com, b@example.com", "A <a@example.com>", "a@example.com\r\nBcc: b@example.com", "a@b", ""]) {
      expect(isDeliverableAddress(bad)).toBe(false);
    }
  });

  it("keeps only the headers a notice may set, on one line each", () => {
    const mail = composeMail({
      id: 1,
      kind: "receipt\r\nX-Evil: 1",
      messageId: "<zq.1.a@example.com>",
      to: "a@example.com",
      subject: "标题\n第二行",
      text: "正文",
      html: null,
      headers: { "List-Unsubscribe": "<https://x/u>\nBcc: b@example.com", Bcc: "b@example.com" },
    });
    expect(mail.subject).toBe("标题 第二行");
    expect(mail.envelope).toMatchObject({ to: ["a@example.com"] });
    expect(mail.headers).toEqual({
      "Auto-Submitted": "auto-generated",
      "X-Zhengqiu-Kind": "receipt X-Evil: 1",
      "List-Unsubscribe": "<https://x/u> Bcc: b@example.com",
    });
  });
});
