import { useLocation } from "@remix-run/react";
import { useEffect } from "react";

const CARD = "[data-queue-card]";
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** Typing in a field must never trigger a decision: keys belong to the field then. */
function isTyping(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(el.type);
}

/**
 * Keyboard shortcuts for the queue, a progressive enhancement over forms that already work by
 * Tab and Enter alone: j/k move between comments, a approves the focused one with its public
 * text, r goes to its reject reason, x toggles its selection for the bulk actions.
 */
export function useQueueShortcuts() {
  const location = useLocation();

  // After a decision the action redirects to #comment-N (the next one): focus it, so that j/k
  // carry on from where the moderator was.
  useEffect(() => {
    if (!location.hash.startsWith("#comment-")) return;
    document.getElementById(location.hash.slice(1))?.focus();
  }, [location.key, location.hash]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target as Element)) return;
      const cards = [...document.querySelectorAll<HTMLElement>(CARD)];
      const card = document.activeElement?.closest<HTMLElement>(CARD) ?? null;
      const at = card ? cards.indexOf(card) : -1;
      switch (event.key) {
        case "j":
        case "k": {
          const to = event.key === "j" ? Math.min(at + 1, cards.length - 1) : Math.max(at - 1, 0);
          cards[to]?.focus();
          cards[to]?.scrollIntoView({ block: "start" });
          break;
        }
        case "a":
          if (!card) return;
          card.querySelector<HTMLFormElement>("form[data-approve]")?.requestSubmit();
          break;
        case "r":
          if (!card) return;
          card.querySelector<HTMLSelectElement>("select[name=reason]")?.focus();
          break;
        case "x":
          if (!card) return;
          card.querySelector<HTMLInputElement>("input[name=ids]")?.click();
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

const SHORTCUTS: Array<[string, string]> = [
  ["j", "下一条意见"],
  ["k", "上一条意见"],
  ["a", "通过当前意见（按其“公开文本”公开）"],
  ["r", "转到当前意见的“不予公开的理由”"],
  ["x", "选择或取消选择当前意见，用于批量处理"],
];

/** The queue's keyboard shortcuts, written out on the page: nothing is hidden behind a key. */
export function ShortcutHelp() {
  return (
    <details className="shortcuts">
      <summary>快捷键</summary>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        快捷键需要浏览器启用 JavaScript；在输入框、文本框或下拉框中输入时不起作用。不用快捷键时，用 Tab 键在各项之间移动、用回车键提交，同样可以完成全部操作。
      </p>
    </details>
  );
}
