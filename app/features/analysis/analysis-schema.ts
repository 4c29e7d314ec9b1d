// The analysis workspace's words and forms: labels for stored codes, the GET filters and the staff edits'
// schemas. No database imports, so the browser bundle may use them too.
import { z } from "zod";
import { CHANNELS, MODERATION_STATUSES, STANCES, type Stance } from "~db/vocabulary";

/**
 * Rejected as spam, abuse or a repeated submission: noise, not opinion, so the analysis leaves them out.
 * Every other comment is analysed, whether still pending, published or withheld for another reason (a comment
 * withheld for personal data still says something the drafters must answer).
 */
export const EXCLUDED_REJECT_REASONS = ["spam", "abuse", "duplicate"] as const;

export const STANCE_LABELS: Record<Stance, string> = {
  support: "支持",
  oppose: "反对",
  suggest: "建议",
  question: "疑问",
  neutral: "中立",
};

export const RUN_STATUS_LABELS = {
  queued: "等待开始",
  running: "正在分析",
  done: "已完成",
  failed: "未完成",
} as const;

/** The engine's stages, plus "store" (writing the result), as the progress bar names them. */
export const RUN_STAGE_LABELS: Record<string, string> = {
  queued: "等待开始",
  prepare: "读取意见",
  comments: "逐条分析意见",
  campaigns: "识别内容基本相同的意见",
  topics: "归纳话题",
  labels: "提取关键词",
  store: "保存结果",
  done: "完成",
};

/** How an inferred link's confidence reads to staff. */
export function confidenceLabel(confidence: number): string {
  return `可信度 ${Math.round(confidence * 100)}%`;
}

export const ARTICLE_SOURCE_LABELS = {
  commenter: "提出人选择",
  staff: "工作人员标注",
  detected: "正文提及",
  inferred: "推断",
} as const;
export type ArticleSource = keyof typeof ARTICLE_SOURCE_LABELS;

export const WORKSPACE_VIEWS = ["topics", "articles", "campaigns", "charts"] as const;
export type WorkspaceView = (typeof WORKSPACE_VIEWS)[number];
export const WORKSPACE_VIEW_LABELS: Record<WorkspaceView, string> = {
  topics: "按话题",
  articles: "按条款",
  campaigns: "内容基本相同的意见",
  charts: "统计图表",
};

export const STATUS_FILTERS = ["all", ...MODERATION_STATUSES] as const;
export const STATUS_FILTER_LABELS: Record<(typeof STATUS_FILTERS)[number], string> = {
  all: "全部",
  pending: "待审核",
  approved: "已公开",
  rejected: "不予公开",
};

export const WORKSPACE_PAGE_SIZE = 50;

const optionalId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);
const optionalText = z
  .string()
  .trim()
  .max(50)
  .optional()
  .transform((v) => v || undefined)
  .catch(undefined);

/**
 * Filters come from links and a GET form; a malformed value falls back to its default rather than failing
 * the page, so an address edited by hand still shows the workspace.
 */
export const WorkspaceFilterSchema = z.object({
  view: z.enum(WORKSPACE_VIEWS).catch("topics"),
  topic: optionalId,
  article: z.coerce.number().int().positive().max(9999).optional().catch(undefined),
  identity: optionalText,
  channel: z.enum(CHANNELS).optional().catch(undefined),
  stance: z.enum(STANCES).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type WorkspaceFilters = z.infer<typeof WorkspaceFilterSchema>;

export function parseWorkspaceFilters(params: URLSearchParams): WorkspaceFilters {
  return WorkspaceFilterSchema.parse(Object.fromEntries(params));
}

/** True when any filter narrows the comments (the view and the page do not). */
export function isFiltered(f: WorkspaceFilters): boolean {
  return Boolean(f.article || f.identity || f.channel || f.stance || f.status !== "all");
}

/** The filters as URL parameters, defaults left out, so links stay short and shareable. */
export function workspaceSearch(f: WorkspaceFilters, overrides: Partial<WorkspaceFilters> = {}): string {
  const v = { ...f, ...overrides };
  const params = new URLSearchParams();
  if (v.view !== "topics") params.set("view", v.view);
  if (v.topic) params.set("topic", String(v.topic));
  if (v.article) params.set("article", String(v.article));
  if (v.identity) params.set("identity", v.identity);
  if (v.channel) params.set("channel", v.channel);
  if (v.stance) params.set("stance", v.stance);
  if (v.status !== "all") params.set("status", v.status);
  if (v.page > 1) params.set("page", String(v.page));
  const s = params.toString();
  return s ? `?${s}` : "?";
}

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(Number.MAX_SAFE_INTEGER, message);
const label = z.string({ error: "请填写话题名称。" }).trim().min(1, "请填写话题名称。").max(40, "话题名称不能超过 40 字。");
const ids = (message: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: message })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^\d{1,15}$/, message)
            .transform(Number)
        )
        .min(1, message)
        .max(500, "一次最多处理 500 项。")
    );

export const RenameSchema = z.object({ topicId: id("未指定话题。"), label });

export const MergeSchema = z.object({
  targetId: id("请选择合并后保留的话题。"),
  topicIds: ids("请勾选要合并的话题。"),
  label: label.optional().or(z.literal("").transform(() => undefined)),
});

export const SplitSchema = z.object({
  topicId: id("未指定话题。"),
  commentIds: ids("请先勾选要拆分出去的意见。"),
  label,
});

export const MoveSchema = z.object({ commentId: id("未指定意见。"), toTopicId: id("请选择要移入的话题。") });

export const OwnTopicSchema = z.object({ commentId: id("未指定意见。"), label });

const articleNumber = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(10_000, message);

/** Staff's verdict on an inferred article: confirm it, or reject it (optionally naming the right article). */
export const ArticleCorrectionSchema = z
  .object({
    commentId: id("未指定意见。"),
    article: articleNumber("未指定条款。"),
    verdict: z.enum(["confirm", "reject"], { error: "请选择确认或否定。" }),
    replacement: z.union([z.literal("").transform(() => undefined), articleNumber("请选择征求意见稿中的条款。")]).optional(),
  })
  .refine((v) => v.verdict === "reject" || v.replacement === undefined, { message: "确认推断时不能同时改为其他条款。", path: ["replacement"] });
