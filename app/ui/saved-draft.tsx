import { useLocation, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";

/**
 * A comment being written is kept in this browser's storage (never on the server) so that it
 * survives a reload or a closed tab: only the text and the chosen articles, never a name or an
 * address, since the device may be shared. It is removed once the comment is submitted, when the
 * person clears it, or when the text is emptied.
 */
type StoredDraft = { body: string; articles: number[]; savedAt: number };

export const draftStorageKey = (consultationId: number, article?: number) =>
  `zhengqiu:draft:${consultationId}${article === undefined ? "" : `:article-${article}`}`;

function readDraft(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object" || !("body" in parsed) || typeof parsed.body !== "string") return null;
    const articles = "articles" in parsed && Array.isArray(parsed.articles) ? parsed.articles.filter((n): n is number => Number.isInteger(n)) : [];
    const savedAt = "savedAt" in parsed && typeof parsed.savedAt === "number" ? parsed.savedAt : Date.now();
    return { body: parsed.body, articles, savedAt };
  } catch {
    return null;
  }
}

function writeDraft(key: string, draft: StoredDraft | null) {
  try {
    if (draft) window.localStorage.setItem(key, JSON.stringify(draft));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or refused (private browsing): the form still works, only without the draft.
  }
}

/** Sets a field's value so that React's onChange (the character count) hears it, as if typed. */
function setTypedValue(field: HTMLTextAreaElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set?.call(field, value);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

const bodyOf = (form: HTMLFormElement) => form.elements.namedItem("body");
const articleBoxes = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="articles"]')];

export type DraftState = "none" | "saved" | "restored";

/**
 * Keeps the form's draft in the browser's storage under `storageKey`. `tag` is the form's `at`
 * field (null for the main form): a navigation away after a post from this form is its receipt,
 * and the draft is removed. Nothing is restored over text the server sent back.
 */
export function useSavedDraft({
  formId,
  storageKey,
  tag,
  restore,
  onRestored,
}: {
  formId: string;
  storageKey: string;
  tag: string | null;
  restore: boolean;
  onRestored?: () => void;
}) {
  const [state, setState] = useState<DraftState>("none");
  const navigation = useNavigation();
  const location = useLocation();

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const body = bodyOf(form);
    if (!(body instanceof HTMLTextAreaElement)) return;
    if (restore && !body.value) {
      const draft = readDraft(storageKey);
      if (draft?.body) {
        setTypedValue(body, draft.body);
        for (const box of articleBoxes(form)) box.checked = draft.articles.includes(Number(box.value));
        setState("restored");
        onRestored?.();
      }
    }
    const save = () => {
      if (!body.value.trim()) {
        writeDraft(storageKey, null);
        setState("none");
        return;
      }
      const articles = articleBoxes(form)
        .filter((b) => b.checked)
        .map((b) => Number(b.value));
      writeDraft(storageKey, { body: body.value, articles, savedAt: Date.now() });
      setState((s) => (s === "restored" ? s : "saved"));
    };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    return () => {
      form.removeEventListener("input", save);
      form.removeEventListener("change", save);
    };
    // Once per form: restoring again on a later render would overwrite what is being typed.
  }, [formId, storageKey]);

  // A post from this form followed by a navigation to another page: the receipt. The draft is done.
  useEffect(() => {
    const data = navigation.formData;
    if (navigation.state !== "loading" || !data || navigation.formMethod?.toUpperCase() !== "POST") return;
    if ((data.get("at") ?? null) !== tag || data.has("intent")) return;
    if (navigation.location.pathname !== location.pathname) {
      writeDraft(storageKey, null);
      setState("none");
    }
  }, [navigation, location.pathname, storageKey, tag]);

  const clear = useCallback(() => {
    const form = document.getElementById(formId);
    const body = form instanceof HTMLFormElement ? bodyOf(form) : null;
    if (body instanceof HTMLTextAreaElement) {
      setTypedValue(body, "");
      body.focus();
    }
    writeDraft(storageKey, null);
    setState("none");
  }, [formId, storageKey]);

  return { state, clear };
}

/** The polite note beside a form: that its draft is kept on this device, or was restored from it. */
export function SavedDraftNote({ state, onClear }: { state: DraftState; onClear: () => void }) {
  return (
    <div className="saved-draft">
      <p role="status" className="hint">
        {state === "none"
          ? null
          : `${
              state === "restored" ? "已恢复您上次在本设备填写的草稿。" : "已在本设备保存草稿。"
            }刷新或关闭页面后再打开，可继续填写（只保存意见内容和所选条款，不保存姓名和联系方式；提交后自动清除）。`}
      </p>
      {state === "none" ? null : (
        <button type="button" className="link-button" onClick={onClear}>
          清除草稿
        </button>
      )}
    </div>
  );
}
