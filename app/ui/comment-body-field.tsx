import { useState } from "react";
import { COMMENT_MAX } from "~/features/comments";
import { CharacterCount } from "./character-count";
import { Field } from "./field";
import { OverLimit } from "./over-limit";
import { SavedDraftNote, type DraftState } from "./saved-draft";

/**
 * A comment's text box as both comment forms (the whole draft's and an article's) show it: no
 * maxlength, so a paste is never cut; a live count; past the limit, the excess marked (server-side
 * too); the error; and the saved-draft note.
 */
export function CommentBodyField(props: {
  id: string;
  label: string;
  hint?: string;
  rows: number;
  defaultValue: string | undefined;
  error: string | undefined;
  draft: { state: DraftState; clear: () => void };
}) {
  const { id, label, hint, rows, defaultValue, error, draft } = props;
  const [text, setText] = useState(defaultValue ?? "");
  const over = text.length > COMMENT_MAX;
  return (
    <>
      <Field
        id={id}
        label={label}
        hint={hint}
        error={error}
        control={(aria) => (
          <>
            <textarea
              {...aria}
              name="body"
              required
              rows={rows}
              defaultValue={defaultValue}
              onChange={(e) => setText(e.currentTarget.value)}
              aria-invalid={aria["aria-invalid"] || (over ? true : undefined)}
              aria-describedby={[aria["aria-describedby"], `${id}-count`, over ? `${id}-over-count` : ""].filter(Boolean).join(" ")}
            />
            <CharacterCount id={`${id}-count`} length={text.length} max={COMMENT_MAX} />
            <OverLimit id={`${id}-over`} text={text} max={COMMENT_MAX} />
          </>
        )}
      />
      <SavedDraftNote state={draft.state} onClear={draft.clear} />
    </>
  );
}
