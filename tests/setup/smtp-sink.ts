// A real SMTP server for tests: receives over TCP, parses with mailparser, keeps every message.
// Addresses starting with "bounce" are refused with 550 (permanent), "busy" with 451 (temporary).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { createMailer, type Mailer } from "../../app/platform/mailer.server";

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  header(name: string): string;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Waits until `count` messages match, and answers them. */
  waitFor(match: (m: ReceivedMail) => boolean, options?: { count?: number; timeoutMs?: number }): Promise<ReceivedMail[]>;
  to(address: string): ReceivedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

function refusal(code: number, message: string) {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  let boundPort = port;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 200,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("bounce")) return callback(refusal(550, "5.1.1 <" + address.address + ">: 用户不存在 (No such user)"));
        if (address.address.startsWith("busy")) return callback(refusal(451, "4.3.0 Mailbox temporarily unavailable"));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          simpleParser(raw).then((parsed) => {
            // The header as sent (unfolded), not mailparser's structured reading of it.
            const header = (name: string) => {
              const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? "";
              return line
                .slice(line.indexOf(":") + 1)
                .replace(/\r?\n[ \t]+/g, " ")
                .trim();
            };
            received.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
              messageId: parsed.messageId ?? "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              header,
            });
            callback();
          }, callback);
        });
      },
    });

  const sink: SmtpSink = {
    get port() {
      return boundPort;
    },
    received,
    to: (address) => received.filter((m) => m.envelopeTo.includes(address)),
    async waitFor(match, { count = 1, timeoutMs = 10_000 } = {}) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > until) throw new Error(`expected ${count} matching message(s), got ${found.length} of ${received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async start() {
      server = create();
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(boundPort, "127.0.0.1", () => resolve());
      });
      boundPort = (server.server.address() as AddressInfo).port;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await sink.start();
  return sink;
}

/**
 * A sink and a mailer pointed at it for the test file that calls this: started before its tests,
 * closed after them. Read `sink` and `mailer` inside tests (they exist from beforeAll on).
 */
export function useSmtpSink(): { sink: SmtpSink; mailer: Mailer } {
  const mail = {} as { sink: SmtpSink; mailer: Mailer };
  beforeAll(async () => {
    mail.sink = await startSmtpSink();
    mail.mailer = createMailer({ host: "127.0.0.1", port: mail.sink.port, secure: false });
  });
  afterAll(async () => {
    mail.mailer.close();
    await mail.sink.stop();
  });
  return mail;
}
