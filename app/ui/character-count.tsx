/**
 * A textarea's count: visible on every keystroke, but announced only when what is left falls
 * below a threshold (or rises back above one), so that a screen reader is not interrupted at
 * each character. The live region is always in the page, as live regions must be.
 */
export const ANNOUNCE_BELOW = [1000, 500, 100] as const;

export function countAnnouncement(length: number, max: number): string {
  const left = max - length;
  if (left <= 0) return `已达到 ${max} 字上限。`;
  const below = ANNOUNCE_BELOW.filter((t) => left < t && t < max).at(-1);
  return below ? `还可输入不到 ${below} 字。` : "";
}

export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  return (
    <>
      <p className="hint char-count" id={id}>
        已输入 {length} 字，还可输入 {Math.max(0, max - length)} 字
      </p>
      <p className="visually-hidden" aria-live="polite" id={`${id}-announcement`}>
        {countAnnouncement(length, max)}
      </p>
    </>
  );
}
