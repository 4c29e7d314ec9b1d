/**
 * "提出意见" at the top of a consultation: one step to the comment box, however long the draft.
 * The link's target is the text box itself, which a page opened at a fragment focuses; with
 * JavaScript it is focused directly, since a change of fragment is a navigation to the router.
 */
function focusCommentBox(event: React.MouseEvent<HTMLAnchorElement>) {
  const box = document.getElementById(event.currentTarget.hash.slice(1));
  if (!box) return;
  event.preventDefault();
  (box.closest(".field") ?? box).scrollIntoView({ block: "start" });
  box.focus({ preventScroll: true });
}

export function CommentEntry() {
  return (
    <nav className="comment-entry" aria-label="提出意见">
      <a href="#comment-body" className="button" onClick={focusCommentBox}>
        提出意见
      </a>
      <p className="hint">对整个草案提意见；对某一条提意见，请点击该条下方的“对第×条提意见”。</p>
    </nav>
  );
}
