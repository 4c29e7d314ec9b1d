/**
 * How many people a topic speaks for. A topic of 91 comments of which 87 come from one sender is one person's
 * view said many times, not a concern many share: staff should see that before weighing it. The rule (stated in
 * docs/analysis.md): a topic with at least DOMINATED_MIN_SIZE comments is dominated by one sender when that sender
 * wrote at least DOMINATED_SHARE of them. Comments without a known sender count in the size, never as a sender.
 */
export const DOMINATED_MIN_SIZE = 10;
export const DOMINATED_SHARE = 0.5;

export interface SenderShare {
  /** distinct known senders among the comments */
  distinct_senders: number;
  /** how many of the comments the most frequent sender wrote (0 when no sender is known) */
  largest_sender_comments: number;
  dominated_by_one_sender: boolean;
}

export function senderShare(senders: readonly (string | null | undefined)[]): SenderShare {
  const counts = new Map<string, number>();
  for (const s of senders) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  let largest = 0;
  for (const c of counts.values()) largest = Math.max(largest, c);
  const size = senders.length;
  return {
    distinct_senders: counts.size,
    largest_sender_comments: largest,
    dominated_by_one_sender: size >= DOMINATED_MIN_SIZE && largest >= DOMINATED_SHARE * size,
  };
}
