// The whole product's data model in one place, for SQLite and PostgreSQL alike (db/columns.ts).
// Times are UTC instants (integer milliseconds on SQLite, timestamptz on PostgreSQL); they are
// shown in Asia/Shanghai by app/platform/dates.ts.
import { sql } from "drizzle-orm";
import { bigInteger, boolean, bytes, createdAt, id, index, integer, json, primaryKey, real, table, text, time, uniqueIndex } from "./columns";

import {
  ROLES,
  DOC_TYPES,
  CONSULTATION_STATUSES,
  NODE_KINDS,
  CHANNELS,
  PUBLISH_PREFERENCES,
  MODERATION_STATUSES,
  REJECT_REASONS,
  PII_KINDS,
  SCREENED_FIELDS,
  STANCES,
  DISPOSITIONS,
} from "./vocabulary";
import type { TopicSummarySentence } from "../app/engine/types";
import type { Stance } from "./vocabulary";

export * from "./vocabulary";

// ---------------------------------------------------------------- people
export const divisions = table("divisions", {
  id: id(),
  name: text("name").notNull().unique(),
  email: text("email"),
  createdAt: createdAt(),
});

export const users = table(
  "users",
  {
    id: id(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    role: text("role", { enum: ROLES }).notNull(),
    divisionId: integer("division_id").references(() => divisions.id),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    passwordChangedAt: time("password_changed_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_username_unique").on(sql`lower(${t.username})`)]
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = table(
  "sessions",
  {
    id: text("id").primaryKey(), // sha256 hex of the cookie token
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: time("expires_at").notNull(),
    createdAt: createdAt(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)]
);

/** Failed-login counters keyed by normalised username or by client IP, whether or not the account exists. */
export const loginThrottle = table("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: time("window_started_at").notNull(),
  lockedUntil: time("locked_until"),
});

/** Fixed-window counters of the abuse limits, when kept in the database (RATE_LIMIT_STORE=database). */
export const rateLimits = table("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: bigInteger("window_start").notNull(),
  count: integer("count").notNull(),
});

// ---------------------------------------------------------------- consultations
export const consultations = table(
  "consultations",
  {
    id: id(),
    title: text("title").notNull(),
    docType: text("doc_type", { enum: DOC_TYPES }).notNull(),
    summary: text("summary").notNull().default(""),
    divisionId: integer("division_id")
      .notNull()
      .references(() => divisions.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: CONSULTATION_STATUSES }).notNull().default("draft"),
    basis: text("basis").notNull().default(""), // 起草说明 / 决策依据
    interpretation: text("interpretation"), // 政策解读
    opensAt: time("opens_at"),
    closesAt: time("closes_at"),
    shortPeriodReason: text("short_period_reason"),
    contactAddress: text("contact_address"),
    contactEmail: text("contact_email"),
    showComments: boolean("show_comments").notNull().default(true),
    requireEmailVerification: boolean("require_email_verification").notNull().default(false),
    publishedAt: time("published_at"),
    withdrawnAt: time("withdrawn_at"),
    withdrawnReason: text("withdrawn_reason"),
    createdAt: createdAt(),
    updatedAt: time("updated_at"),
  },
  (t) => [index("consultations_status_idx").on(t.status, t.closesAt), index("consultations_division_idx").on(t.divisionId)]
);

/** Each decision a reviewer takes on a consultation or a feedback summary (审核记录). */
export const reviews = table(
  "reviews",
  {
    id: id(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    subject: text("subject", { enum: ["consultation", "summary"] }).notNull(),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    decision: text("decision", { enum: ["approved", "returned"] }).notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [index("reviews_consultation_idx").on(t.consultationId)]
);

export const deadlineExtensions = table("deadline_extensions", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .references(() => consultations.id),
  previousClosesAt: time("previous_closes_at").notNull(),
  newClosesAt: time("new_closes_at").notNull(),
  reason: text("reason").notNull(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/** One row per version of the draft; published versions are immutable. */
export const draftVersions = table(
  "draft_versions",
  {
    id: id(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    versionNo: integer("version_no").notNull(),
    label: text("label").notNull(), // 征求意见稿, 第二次征求意见稿, 正式文本
    changeNote: text("change_note"),
    sourceText: text("source_text").notNull(),
    frozenAt: time("frozen_at"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("draft_versions_no_unique").on(t.consultationId, t.versionNo)]
);

/** An article's identity across versions: comments on 第X条 attach here, not to one version's node. */
export const articleIdentities = table("article_identities", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .references(() => consultations.id),
  createdAt: createdAt(),
});

/** The parsed draft: 章 > 节 > 条 > 款 > 项, as a tree ordered by `position` within each parent. */
export const draftNodes = table(
  "draft_nodes",
  {
    id: id(),
    versionId: integer("version_id")
      .notNull()
      .references(() => draftVersions.id, { onDelete: "cascade" }),
    parentId: integer("parent_id"),
    kind: text("kind", { enum: NODE_KINDS }).notNull(),
    position: integer("position").notNull(),
    number: integer("number"), // 第五条 -> 5; paragraphs and items count within their parent
    label: text("label"), // 第一章, 第五条, （一）
    heading: text("heading"), // chapter and section titles
    text: text("text").notNull().default(""),
    articleIdentityId: integer("article_identity_id").references(() => articleIdentities.id),
  },
  (t) => [index("draft_nodes_version_idx").on(t.versionId, t.kind, t.number), index("draft_nodes_identity_idx").on(t.articleIdentityId)]
);

/**
 * The draft's downloads (DOCX, PDF) as last made for a version: a PDF takes half a second to lay
 * out, so a public link made once per version, not once per request. `etag` names what the file
 * was made from (version, title, period, layout); a different one is made again and replaces it.
 */
export const draftDownloads = table(
  "draft_downloads",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => draftVersions.id, { onDelete: "cascade" }),
    format: text("format", { enum: ["docx", "pdf"] }).notNull(),
    etag: text("etag").notNull(),
    body: bytes("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.format] })]
);

export const attachments = table("attachments", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .references(() => consultations.id),
  filename: text("filename").notNull(),
  mimeType: text("mime_type").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  storagePath: text("storage_path").notNull(), // relative to DATA_DIR, never under public/
  uploadedBy: integer("uploaded_by").references(() => users.id),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- comments
export const comments = table(
  "comments",
  {
    id: id(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    versionId: integer("version_id").references(() => draftVersions.id),
    receiptNo: text("receipt_no").notNull().unique(),
    checkCodeHash: text("check_code_hash").notNull(),
    body: text("body").notNull(), // exactly what the commenter wrote, less control characters
    bodyNormalized: text("body_normalized").notNull(), // NFKC, for analysis
    publishedBody: text("published_body"), // redacted text the public sees
    name: text("name"),
    organisation: text("organisation"),
    // The name and organisation as a moderator approved them for publication; never the raw fields.
    publishedName: text("published_name"),
    publishedOrganisation: text("published_organisation"),
    identityCategory: text("identity_category").notNull(),
    email: text("email"),
    /** The commenter follows the comment: the email hears its answer when the feedback is published. */
    notifyResult: boolean("notify_result").notNull().default(true),
    publishPreference: text("publish_preference", { enum: PUBLISH_PREFERENCES }).notNull().default("anonymous"),
    channel: text("channel", { enum: CHANNELS }).notNull().default("web"),
    enteredBy: integer("entered_by").references(() => users.id),
    receivedAt: time("received_at").notNull(),
    moderationStatus: text("moderation_status", { enum: MODERATION_STATUSES }).notNull().default("pending"),
    rejectReason: text("reject_reason", { enum: REJECT_REASONS }),
    moderatedAt: time("moderated_at"),
    hasPii: boolean("has_pii").notNull().default(false),
    emailVerifiedAt: time("email_verified_at"),
    idempotencyKey: text("idempotency_key").unique(),
    clientHash: text("client_hash"), // salted hash of the IP, for rate limits and duplicate review
    createdAt: createdAt(),
  },
  (t) => [
    // Also orders the public comment list (newest first, ties by id) without a sort over every row.
    index("comments_consultation_idx").on(t.consultationId, t.moderationStatus, t.receivedAt, t.id),
  ]
);

export const commentArticles = table(
  "comment_articles",
  {
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    articleIdentityId: integer("article_identity_id")
      .notNull()
      .references(() => articleIdentities.id),
    source: text("source", { enum: ["commenter", "staff", "detected", "inferred"] })
      .notNull()
      .default("commenter"),
    /** For an inferred link, how sure the analysis was (0–1); null for every other source. */
    confidence: real("confidence"),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.articleIdentityId] }), index("comment_articles_article_idx").on(t.articleIdentityId)]
);

/**
 * Articles staff said a comment is not about: an inferred link they rejected. Later runs never infer that
 * article for that comment again (app/features/analysis/article-corrections.server.ts).
 */
export const rejectedArticleLinks = table(
  "rejected_article_links",
  {
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    articleIdentityId: integer("article_identity_id")
      .notNull()
      .references(() => articleIdentities.id),
    userId: integer("user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.articleIdentityId] })]
);

/**
 * Files a commenter sent with a comment (or a scanned letter staff attached). Never public until a
 * moderator marks the file public on an approved comment: binary content cannot be redacted, so a
 * public file must be one that holds no personal data (docs/decisions/0020-long-comments-and-attachments.md).
 */
export const commentAttachments = table(
  "comment_attachments",
  {
    id: id(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storagePath: text("storage_path").notNull(), // relative to DATA_DIR/comment-attachments, never under public/
    isPublic: boolean("is_public").notNull().default(false),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    reviewedAt: time("reviewed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("comment_attachments_comment_idx").on(t.commentId)]
);

/** Moderation history: every approve/reject, with who and why. The comment row keeps the latest. */
export const moderationDecisions = table("moderation_decisions", {
  id: id(),
  commentId: integer("comment_id")
    .notNull()
    .references(() => comments.id),
  moderatorId: integer("moderator_id")
    .notNull()
    .references(() => users.id),
  decision: text("decision", { enum: ["approved", "rejected"] }).notNull(),
  reason: text("reason", { enum: REJECT_REASONS }),
  note: text("note"),
  createdAt: createdAt(),
});

/** Personal data spans in a comment's original body: proposed by the detector, accepted or edited by staff. */
export const redactions = table(
  "redactions",
  {
    id: id(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: [...PII_KINDS, "other"] }).notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    status: text("status", { enum: ["proposed", "accepted", "dismissed"] })
      .notNull()
      .default("proposed"),
    source: text("source", { enum: ["detector", "staff"] })
      .notNull()
      .default("detector"),
    // Which of the comment's published fields the span is in: start/end are offsets into that field.
    field: text("field", { enum: SCREENED_FIELDS }).notNull().default("body"),
    createdAt: createdAt(),
  },
  (t) => [index("redactions_comment_idx").on(t.commentId)]
);

/**
 * Moderation hints, computed lazily for the queue and stored (docs/decisions/0025-bulk-moderation-by-filter.md):
 * whether a comment shares nothing with the draft it was sent on (off-topic, judged against draftVersionId), and
 * whether it nearly repeats an earlier comment of the consultation. Hints only: nothing is decided by them.
 */
export const commentFlags = table(
  "comment_flags",
  {
    commentId: integer("comment_id")
      .primaryKey()
      .references(() => comments.id, { onDelete: "cascade" }),
    draftVersionId: integer("draft_version_id").references(() => draftVersions.id),
    offTopic: boolean("off_topic").notNull().default(false),
    /** Why the comment was flagged off-topic, for the moderator to judge. */
    offTopicReason: text("off_topic_reason"),
    duplicateOf: integer("duplicate_of").references(() => comments.id, { onDelete: "set null" }),
    /** same_sender: a 重复提交 (comment-duplicates.server.ts); similar: near-identical text from anyone. */
    duplicateKind: text("duplicate_kind", { enum: ["same_sender", "similar"] }),
    computedAt: time("computed_at").notNull(),
  },
  (t) => [index("comment_flags_duplicate_idx").on(t.duplicateOf)]
);

/** A moderator's marker on a comment (标记), set and cleared in bulk or one by one; filterable in the queue. */
export const commentMarks = table("comment_marks", {
  commentId: integer("comment_id")
    .primaryKey()
    .references(() => comments.id, { onDelete: "cascade" }),
  markedBy: integer("marked_by")
    .notNull()
    .references(() => users.id),
  markedAt: time("marked_at").notNull(),
});

// ---------------------------------------------------------------- analysis
export const analysisRuns = table("analysis_runs", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .references(() => consultations.id),
  status: text("status", { enum: ["queued", "running", "done", "failed"] })
    .notNull()
    .default("queued"),
  progress: real("progress").notNull().default(0),
  stage: text("stage"),
  commentCount: integer("comment_count"),
  error: text("error"),
  triggeredBy: integer("triggered_by").references(() => users.id),
  startedAt: time("started_at"),
  finishedAt: time("finished_at"),
  createdAt: createdAt(),
  /** The process carrying the run out, and until when its claim holds unless renewed (docs/decisions/0031). */
  leaseOwner: text("lease_owner"),
  leaseUntil: time("lease_until"),
});

export const topics = table("topics", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .references(() => consultations.id),
  runId: integer("run_id").references(() => analysisRuns.id),
  label: text("label").notNull(),
  keywords: json("keywords").$type<string[]>().notNull().default([]),
  representativeIds: json("representative_ids").$type<number[]>().notNull().default([]),
  noSubstance: boolean("no_substance").notNull().default(false),
  staffEdited: boolean("staff_edited").notNull().default(false),
  /**
   * The title staff approved for publication (the feedback page, the summary, the packet). Null
   * until a staff member sets or confirms it; `label` stays the working label (generated or staff
   * shorthand) and never reaches the public. See app/features/analysis/topic-titles.ts.
   */
  publicTitle: text("public_title"),
  /** The theme (a coarser group of topics, app/engine/themes.ts) the last run put the topic in, and its working label. */
  themeKey: text("theme_key"),
  themeLabel: text("theme_label"),
  /** The last run's cited extractive summary of the topic (app/engine/topic-summary.ts); staff only. */
  summary: json("summary").$type<TopicSummarySentence[]>(),
  mergedInto: integer("merged_into"),
  createdAt: createdAt(),
});

export const campaigns = table("campaigns", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .references(() => consultations.id),
  runId: integer("run_id").references(() => analysisRuns.id),
  representativeCommentId: integer("representative_comment_id").references(() => comments.id),
  size: integer("size").notNull(),
  distinctSenders: integer("distinct_senders").notNull(),
  createdAt: createdAt(),
});

/** The latest analysis of each comment: topic, campaign, stance, keywords. */
export const commentAnalysis = table(
  "comment_analysis",
  {
    commentId: integer("comment_id")
      .primaryKey()
      .references(() => comments.id, { onDelete: "cascade" }),
    runId: integer("run_id").references(() => analysisRuns.id),
    topicId: integer("topic_id").references(() => topics.id),
    topicSource: text("topic_source", { enum: ["auto", "staff"] })
      .notNull()
      .default("auto"),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    stance: text("stance", { enum: STANCES }),
    /** the stance towards each article the comment names, by article number, where it differs by clause */
    articleStances: json("article_stances").$type<Record<string, Stance>>(),
    keywords: json("keywords").$type<string[]>(),
    /** 个人补充内容: sentences of a campaign letter that are not in its template (admin only, never published) */
    campaignAdditions: json("campaign_additions").$type<string[]>(),
  },
  (t) => [index("comment_analysis_topic_idx").on(t.topicId)]
);

/** Staff edits to topics, kept as an input that later runs replay (rename, merge, split, move...). */
export const topicEdits = table("topic_edits", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .references(() => consultations.id),
  kind: text("kind", { enum: ["rename", "merge", "split", "move", "own_topic"] }).notNull(),
  payload: json("payload").$type<Record<string, unknown>>().notNull(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- answers
/**
 * 采纳情况. A row with `topicId` is an opinion (意见要点): a staff-defined point inside a topic, with
 * its own answer, that answers exactly the comments listed for it in opinion_comments (a topic may
 * hold several). A row with `commentId` is a comment's own answer, which wins over its opinion's.
 * See app/features/responses/comment-answers.server.ts and docs/decisions/0023-an-answer-per-opinion.md.
 */
export const dispositions = table(
  "dispositions",
  {
    id: id(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    topicId: integer("topic_id").references(() => topics.id),
    commentId: integer("comment_id").references(() => comments.id),
    /** The opinion's point as published (意见要点); null for a comment's own answer. */
    title: text("title"),
    decision: text("decision", { enum: DISPOSITIONS }).notNull(),
    reason: text("reason").notNull().default(""),
    articleIdentityId: integer("article_identity_id").references(() => articleIdentities.id),
    changeMade: text("change_made"),
    decidedBy: integer("decided_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: time("updated_at"),
  },
  (t) => [index("dispositions_topic_idx").on(t.topicId), uniqueIndex("dispositions_comment_unique").on(t.commentId)]
);

/** The comments an opinion answers, listed explicitly: a comment belongs to at most one opinion. */
export const opinionComments = table(
  "opinion_comments",
  {
    commentId: integer("comment_id")
      .primaryKey()
      .references(() => comments.id, { onDelete: "cascade" }),
    dispositionId: integer("disposition_id")
      .notNull()
      .references(() => dispositions.id, { onDelete: "cascade" }),
  },
  (t) => [index("opinion_comments_disposition_idx").on(t.dispositionId)]
);

export const feedbackSummaries = table("feedback_summaries", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .unique()
    .references(() => consultations.id),
  status: text("status", { enum: ["draft", "pending_review", "approved", "published"] })
    .notNull()
    .default("draft"),
  body: text("body").notNull(),
  authorId: integer("author_id")
    .notNull()
    .references(() => users.id),
  submittedAt: time("submitted_at"),
  approvedBy: integer("approved_by").references(() => users.id),
  approvedAt: time("approved_at"),
  publishedAt: time("published_at"),
  createdAt: createdAt(),
  updatedAt: time("updated_at"),
});

/** 合法性审查: the packet's hand-off to the legal office and its progress there. */
export const legalReviews = table("legal_reviews", {
  id: id(),
  consultationId: integer("consultation_id")
    .notNull()
    .unique()
    .references(() => consultations.id),
  submittedBy: integer("submitted_by")
    .notNull()
    .references(() => users.id),
  submittedAt: time("submitted_at").notNull(),
  receivedBy: integer("received_by").references(() => users.id),
  receivedAt: time("received_at"),
  finishedBy: integer("finished_by").references(() => users.id),
  finishedAt: time("finished_at"),
  /** The legal office's conclusion, given when it finishes. */
  note: text("note"),
  /** 第几轮: a packet returned with opinions and resubmitted starts the next round. */
  round: integer("round").notNull().default(1),
  returnedBy: integer("returned_by").references(() => users.id),
  returnedAt: time("returned_at"),
});

/** The legal office's opinions on a round of the packet (general, or on one article), and the drafter's answers. */
export const legalOpinions = table(
  "legal_opinions",
  {
    id: id(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    round: integer("round").notNull(),
    /** Null for a general opinion (总体意见). */
    articleIdentityId: integer("article_identity_id").references(() => articleIdentities.id),
    body: text("body").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    answer: text("answer"),
    answeredBy: integer("answered_by").references(() => users.id),
    answeredAt: time("answered_at"),
  },
  (t) => [index("legal_opinions_round_idx").on(t.consultationId, t.round)]
);

/**
 * The packet's files, built off the request path once per version of their inputs (input_hash, a
 * SHA-256 of everything the packet is made from) and kept under DATA_DIR/packets; a download
 * serves the stored file. A build marked building that no process carries out is started again.
 */
export const packetBuilds = table(
  "packet_builds",
  {
    id: id(),
    consultationId: integer("consultation_id")
      .notNull()
      .references(() => consultations.id),
    inputHash: text("input_hash").notNull(),
    status: text("status", { enum: ["building", "ready", "failed"] }).notNull(),
    /** Why the PDF is missing from a ready build (no CJK font), in words for the page. */
    pdfError: text("pdf_error"),
    error: text("error"),
    startedAt: time("started_at").notNull(),
    finishedAt: time("finished_at"),
    durationMs: integer("duration_ms"),
  },
  (t) => [uniqueIndex("packet_builds_input_unique").on(t.consultationId, t.inputHash)]
);

// ---------------------------------------------------------------- notices
/** Durable outbox: a row is written in the same transaction as the event that causes the mail. */
export const emailOutbox = table(
  "email_outbox",
  {
    id: id(),
    kind: text("kind").notNull(), // receipt, status_change, subscription_confirm, digest, ...
    dedupeKey: text("dedupe_key").unique(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    headers: json("headers").$type<Record<string, string>>(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "held"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: time("next_attempt_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: time("lease_until"),
    lastError: text("last_error"),
    messageId: text("message_id"),
    sentAt: time("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt)]
);

export const subscriptions = table(
  "subscriptions",
  {
    id: id(),
    email: text("email").notNull(),
    scope: text("scope", { enum: ["all", "division", "doc_type", "consultation"] })
      .notNull()
      .default("all"),
    scopeValue: text("scope_value"),
    status: text("status", { enum: ["pending", "active", "unsubscribed"] })
      .notNull()
      .default("pending"),
    tokenHash: text("token_hash").notNull(),
    confirmedAt: time("confirmed_at"),
    unsubscribedAt: time("unsubscribed_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("subscriptions_unique").on(t.email, t.scope, t.scopeValue)]
);

/** Restart-safe scheduler bookkeeping: the last period each job completed. */
export const scheduledJobs = table("scheduled_jobs", {
  name: text("name").primaryKey(),
  lastPeriod: text("last_period"),
  lastRunAt: time("last_run_at"),
});

// ---------------------------------------------------------------- administration
/** Append-only and hash-chained; UPDATE and DELETE are refused by triggers (see the custom migration). */
export const auditLog = table(
  "audit_log",
  {
    id: id(),
    at: time("at").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before"),
    after: text("after"),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  // One row per predecessor: the chain cannot fork, whatever the isolation of the writer's transaction.
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), uniqueIndex("audit_log_prev_hash_unique").on(t.prevHash)]
);

/** Exceptions to the Monday–Friday working week: public holidays and 调休 make-up working days. */
export const calendarDays = table("calendar_days", {
  date: text("date").primaryKey(), // YYYY-MM-DD in Asia/Shanghai
  kind: text("kind", { enum: ["holiday", "workday"] }).notNull(),
  note: text("note"),
});

/** Configurable identity categories shown on the comment form. */
export const identityCategories = table("identity_categories", {
  id: id(),
  label: text("label").notNull().unique(),
  position: integer("position").notNull().default(0),
  active: boolean("active").notNull().default(true),
});

/**
 * Files kept in the database (BLOB_STORE=database, the default on PostgreSQL): comments' and consultations'
 * attachments and kept mail, seen by every instance and backed up with the rest (docs/decisions/0040).
 */
export const blobs = table(
  "blobs",
  {
    area: text("area").notNull(),
    key: text("key").notNull(),
    body: bytes("body").notNull(),
    size: integer("size").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.area, t.key] })]
);
