import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { TrustProxySchema } from "./trust-proxy.server";

const DEV_SESSION_SECRET = "zhengqiu-demo-session-secret-not-for-production";

const booleanish = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_PATH: z.string().min(1).optional(),
    // PostgreSQL instead of the SQLite file (docs/decisions/0039), for several instances on one database.
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, "must be a PostgreSQL URL such as postgres://zhengqiu:secret@db.example.gov.cn:5432/zhengqiu")
      .optional(),
    // Connections each process keeps to PostgreSQL, and how long a request waits for a free one before 503.
    PG_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    PG_POOL_WAIT_MS: z.coerce.number().int().min(10).max(60_000).default(3000),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    PUBLIC_URL: z.url("must be an absolute URL such as https://zhengqiu.example.gov.cn").optional(),
    SEED_DEMO: booleanish.optional(),
    TRUST_PROXY: TrustProxySchema,
    DEPARTMENT_NAME: z.string().min(1).default("辽宁省退役军人事务厅"),
    DEPARTMENT_ADDRESS: z.string().min(1).default("沈阳市皇姑区细河街9号"),
    DEPARTMENT_PHONE: z.string().min(1).default("024-86536021"),
    DEPARTMENT_HOURS: z.string().min(1).default("办公时间 8:30-17:00"),
    // Where the accessibility and privacy statements send requests (other formats, personal data).
    DEPARTMENT_EMAIL: z.email("must be an email address such as bgs@example.gov.cn").default("bgs@zhengqiu.localhost"),
    // The feedback page, before the answers are published, gives this many working days after the close.
    FEEDBACK_DUE_WORKING_DAYS: z.coerce.number().int().min(1).max(250).default(20),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_SECURE: booleanish.default(false),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    MAIL_FROM: z
      .string()
      .min(3)
      .regex(/^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/, "must be an address such as 征求意见平台 <noreply@example.gov.cn>")
      .default("征求意见平台 <noreply@zhengqiu.localhost>"),
    // Background work (docs/decisions/0031): the mail outbox, the daily scheduler and analysis runs. "inline"
    // carries it out in the web process; "off" leaves all of it to `npm run worker` (or another instance
    // with JOBS=inline), so that several web instances can share one database.
    JOBS: z.enum(["inline", "off"]).default("inline"),
    // How often a process with jobs looks for analysis runs queued by another instance.
    ANALYSIS_POLL_MS: z.coerce.number().int().min(100).default(2000),
    // The outbox sender alone (docs/decisions/0007): "off" leaves mail to `npm run mail:worker` or
    // `npm run worker` while this process still runs the scheduler and analyses.
    MAIL_SENDER: z.enum(["inline", "off"]).default("inline"),
    MAIL_POLL_MS: z.coerce.number().int().min(100).default(2000),
    MAIL_RETRY_BASE_MS: z.coerce.number().int().min(100).default(60_000),
    MAIL_GIVE_UP_HOURS: z.coerce.number().min(1).default(72),
    // Abuse limits for public forms, per client address per 10 minutes; nothing is shared between
    // addresses (docs/decisions/0012-per-address-comment-limits.md).
    COMMENT_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
    // Where the limits count (docs/decisions/0038): "memory" in this process (one instance), "database"
    // in the rate_limits table, shared by every instance on the database. Default: memory on SQLite,
    // database on PostgreSQL.
    RATE_LIMIT_STORE: z.enum(["memory", "database"]).optional(),
    // Where attachments and kept mail are (docs/decisions/0040): "local" folders under DATA_DIR, or "database"
    // (the blobs table), which every instance sees. Default: local on SQLite, database on PostgreSQL.
    BLOB_STORE: z.enum(["local", "database"]).optional(),
    LOOKUP_LIMIT_PER_IP: z.coerce.number().int().min(1).default(30),
    // The CJK font embedded in PDF exports (Debian's fonts-noto-cjk by default). Checked when a PDF
    // is made, not at start: a server without it runs, and only the PDF download explains the gap.
    PDF_FONT_PATH: z
      .string()
      .regex(/\.(ttf|otf|ttc)$/i, "must be a .ttf, .otf or .ttc font file")
      .default("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
    // The PostScript name of the face to use inside a .ttc collection; ignored for .ttf and .otf.
    PDF_FONT_NAME: z.string().min(1).default("NotoSerifCJKsc-Regular"),
    // Optional rephrasing of the topics' cited summaries by a model the department runs on its own premises
    // (docs/decisions/0043): an OpenAI-compatible base such as http://llm.internal:8000/v1. Unset: the
    // extractive summaries are shown as they are (the default, and the fallback on any error).
    SUMMARY_LLM_URL: z.url("must be the base URL of an OpenAI-compatible API, such as http://llm.internal:8000/v1").optional(),
    SUMMARY_LLM_MODEL: z.string().min(1).optional(),
    SUMMARY_LLM_KEY: z.string().min(1).optional(),
    SUMMARY_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.SUMMARY_LLM_URL && !env.SUMMARY_LLM_MODEL) {
      ctx.addIssue({ code: "custom", path: ["SUMMARY_LLM_MODEL"], message: "is required with SUMMARY_LLM_URL (the model name the endpoint serves)" });
    }
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required in production (at least 32 random characters)",
      });
    }
  })
  .transform((env) => ({
    ...env,
    DATABASE_PATH: env.DATABASE_PATH ?? path.join(env.DATA_DIR, "zhengqiu.db"),
    /** The database this process uses: the PostgreSQL URL when there is one, else the SQLite file. */
    DATABASE: env.DATABASE_URL ?? env.DATABASE_PATH ?? path.join(env.DATA_DIR, "zhengqiu.db"),
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    // Several instances share a PostgreSQL database: their limits and files are kept there unless told otherwise.
    RATE_LIMIT_STORE: env.RATE_LIMIT_STORE ?? (env.DATABASE_URL ? "database" : "memory"),
    BLOB_STORE: env.BLOB_STORE ?? (env.DATABASE_URL ? "database" : "local"),
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    SEED_DEMO: env.SEED_DEMO ?? env.NODE_ENV !== "production",
  }));

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Parses an environment; throws an EnvError naming each offending variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "unset" for every variable, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new EnvError(`Invalid environment, refusing to start:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

export function env(): Env {
  // A .env file beside package.json is honoured (Node's own parser), except under test.
  if (!cached && process.env.NODE_ENV !== "test" && fs.existsSync(".env")) process.loadEnvFile(".env");
  cached ??= parseEnv(process.env);
  return cached;
}
