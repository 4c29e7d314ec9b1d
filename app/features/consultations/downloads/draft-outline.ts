// The draft as a document to download, independent of format: the DOCX and the PDF render the same
// blocks, from the stored structure (章, 节, 条, 款, 项), never from the text as it was pasted.
import type { StoredNode } from "~/features/consultations/draft.server";

export type DraftBlock =
  | { kind: "title"; text: string }
  | { kind: "subtitle"; text: string }
  | { kind: "chapter"; text: string }
  | { kind: "section"; text: string }
  /** A 款: the article's label opens its first one. */
  | { kind: "paragraph"; label: string | null; text: string }
  | { kind: "item"; text: string }
  | { kind: "note"; text: string };

export interface DraftMeta {
  title: string;
  versionLabel: string;
  /** 征求意见期 as the page gives it, or null before one is set. */
  period: string | null;
}

function nodeBlocks(n: StoredNode): DraftBlock[] {
  const heading = (label: string | null) => [label, n.heading].filter(Boolean).join("\u3000");
  switch (n.kind) {
    case "chapter":
      return [{ kind: "chapter", text: heading(n.label) }, ...n.children.flatMap(nodeBlocks)];
    case "section":
      return [{ kind: "section", text: heading(n.label) }, ...n.children.flatMap(nodeBlocks)];
    case "article":
      if (n.children.length === 0) return [{ kind: "paragraph", label: n.label, text: n.text }];
      return n.children.flatMap((p, i): DraftBlock[] => [
        { kind: "paragraph", label: i === 0 ? n.label : null, text: p.text },
        ...p.children.map((item): DraftBlock => ({ kind: "item", text: `${item.label ?? ""}${item.text}` })),
      ]);
    case "paragraph":
      return [{ kind: "paragraph", label: null, text: n.text }, ...n.children.flatMap(nodeBlocks)];
    case "item":
      return [{ kind: "item", text: `${n.label ?? ""}${n.text}` }];
  }
}

export function draftOutline(meta: DraftMeta, nodes: StoredNode[]): DraftBlock[] {
  const subtitle: DraftBlock[] = meta.title.includes(meta.versionLabel) ? [] : [{ kind: "subtitle", text: `（${meta.versionLabel}）` }];
  const period: DraftBlock[] = meta.period ? [{ kind: "note", text: `征求意见期：${meta.period}` }] : [];
  return [{ kind: "title", text: meta.title }, ...subtitle, ...period, ...nodes.flatMap(nodeBlocks)];
}

/** What a block says, label included: for the tests and for anything that needs the plain text. */
export const blockText = (b: DraftBlock) => (b.kind === "paragraph" && b.label ? `${b.label}\u3000${b.text}` : b.text);
