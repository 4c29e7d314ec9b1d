// Where each comment ends up after a re-run, given where the engine put it and where it was before. Pure, so
// the rule can be tested on its own.

export interface Placement {
  commentId: number;
  /** the topic row the engine's result maps to */
  topicId: number | null;
  /** the comment's row from the previous run; absent for a comment analysed for the first time */
  previous?: { topicId: number | null };
}

/**
 * The engine keeps every comment of a settled topic (staff-edited or answered) where it is, and lets other
 * comments join such a topic when it is the closest. For comments new to the analysis that is what staff want;
 * for a comment analysed before it would silently widen a topic staff already shaped or answered. So a settled
 * topic gains only new comments: an older comment the engine moved into one goes instead where most of its
 * former topic-mates went.
 *
 * `lateSettled` are topics settled while the engine ran (a disposition recorded meanwhile): the engine did not
 * know to keep them, so their comments stay as they were.
 */
export function settlePlacements(placements: Placement[], settled: Set<number>, lateSettled: Set<number>): Map<number, number | null> {
  const final = new Map<number, number | null>();
  const intruders: Placement[] = [];
  // previous topic → how many of its comments went to each unsettled topic
  const followed = new Map<number, Map<number, number>>();
  for (const p of placements) {
    const before = p.previous?.topicId ?? null;
    if (before !== null && lateSettled.has(before)) {
      final.set(p.commentId, before);
      continue;
    }
    if (p.previous && p.topicId !== null && settled.has(p.topicId) && before !== p.topicId) {
      intruders.push(p);
      continue;
    }
    final.set(p.commentId, p.topicId);
    if (before !== null && p.topicId !== null && !settled.has(p.topicId)) {
      const tally = followed.get(before) ?? new Map<number, number>();
      tally.set(p.topicId, (tally.get(p.topicId) ?? 0) + 1);
      followed.set(before, tally);
    }
  }
  for (const p of intruders) {
    const tally = followed.get(p.previous?.topicId ?? -1);
    const best = tally ? [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0] : null;
    // With nowhere better to go (its whole former topic was settled meanwhile), the engine's choice stands.
    final.set(p.commentId, best ?? p.topicId);
  }
  return final;
}
