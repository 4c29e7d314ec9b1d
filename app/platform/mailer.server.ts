// The transport under the outbox: SMTP through nodemailer when SMTP_HOST is set, otherwise a
// folder of .eml files under DATA_DIR (the demo default), so that nothing is silently dropped.
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { LocalBlobStore } from "./blob-store.server";
import { env } from "./env.server";

export interface OutgoingMail {
  id: number;
  kind: string;
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string> | null;
}

/** "sent": the SMTP server answered 250. "held": no SMTP is configured; the message was kept as a file. */
export type Delivery = { outcome: "sent" | "held"; response: string };

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** A refusal that will not change on retry (5xx to the envelope or the message, a malformed address). */
    readonly permanent: boolean
  ) {
    super(message);
  }
}

export interface Mailer {
  mode: "smtp" | "file";
  deliver(mail: OutgoingMail): Promise<Delivery>;
  close(): void;
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

// Only these headers may come from a notice; everything else is set here. Values lose line breaks.
const NOTICE_HEADERS = ["List-Unsubscribe", "List-Unsubscribe-Post"];
const ADDRESS = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export const isDeliverableAddress = (to: string) => to.length <= 254 && ADDRESS.test(to);

const singleLine = (s: string) =>
  s
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();

export function smtpConfigFromEnv(): SmtpConfig | null {
  const e = env();
  if (!e.SMTP_HOST) return null;
  return { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD };
}

/** The domain of MAIL_FROM, for Message-IDs. */
export function mailDomain(): string {
  return /@([^\s<>]+)>?\s*$/.exec(env().MAIL_FROM)?.[1] ?? "zhengqiu.localhost";
}

/** The nodemailer message for an outbox row; the envelope names exactly one recipient. */
export function composeMail(mail: OutgoingMail): Mail.Options {
  if (!isDeliverableAddress(mail.to)) throw new DeliveryError(`收件地址无效：${JSON.stringify(mail.to)}`, true);
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated", "X-Zhengqiu-Kind": singleLine(mail.kind) };
  for (const name of NOTICE_HEADERS) {
    const value = mail.headers?.[name];
    if (value) headers[name] = singleLine(value);
  }
  const from = env().MAIL_FROM;
  return {
    from,
    to: { name: "", address: mail.to },
    envelope: { from: /<([^>]+)>/.exec(from)?.[1] ?? from, to: [mail.to] },
    subject: singleLine(mail.subject),
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: mail.messageId,
    headers,
    date: new Date(),
  };
}

/** A nodemailer error as a DeliveryError: 5xx answers to the envelope or the message are permanent. */
export function classify(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const answer = e.response ? e.response : `${e.code ?? "ERROR"} ${e.message ?? String(error)}`;
  const refused = typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600;
  // EAUTH and connection errors are the server's or the configuration's problem, not the row's:
  // they are retried, so that fixing the password does not lose mail.
  const permanent = (refused && (e.code === "EENVELOPE" || e.code === "EMESSAGE")) || (e.code === "EENVELOPE" && !e.responseCode);
  return new DeliveryError(answer.slice(0, 1000), permanent);
}

function smtpMailer(config: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    pool: true,
    maxConnections: 1,
    // Well under the outbox lease (5 minutes), so a hung server cannot outlive a claim.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    mode: "smtp",
    async deliver(mail) {
      try {
        const info = await transport.sendMail(composeMail(mail));
        return { outcome: "sent", response: String(info.response ?? "250") };
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transport.close(),
  };
}

function fileMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    mode: "file",
    async deliver(mail) {
      const info = await transport.sendMail(composeMail(mail));
      const name = `${String(mail.id).padStart(6, "0")}-${mail.kind.replace(/[^a-z0-9_-]/gi, "")}.eml`;
      // Through the blob store, which writes whole or not at all: a reader never sees half a message.
      await new LocalBlobStore(dir).put(name, info.message as Buffer);
      return { outcome: "held", response: `未配置 SMTP，已保存为 ${path.join(path.basename(dir), name)}` };
    },
    close: () => undefined,
  };
}

/** The raw RFC 5322 message of a row, for the admin's download. */
export async function rawMessage(mail: OutgoingMail): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail(composeMail(mail));
  return info.message as Buffer;
}

export function heldMailDir(): string {
  return path.join(env().DATA_DIR, "outbox");
}

export function createMailer(config: SmtpConfig | null = smtpConfigFromEnv()): Mailer {
  return config ? smtpMailer(config) : fileMailer(heldMailDir());
}
