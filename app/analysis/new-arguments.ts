/**
 * Which comments raise an argument nobody raised before them. In received order, a comment is new when no
 * earlier comment of its topic is at least `threshold` similar (cosine of the unit vectors the topic model gives
 * each comment). Comparing with every earlier comment costs the square of a topic's size; comparing with the
 * earlier *new* comments only (the arguments so far) costs the size times the number of arguments and gives
 * nearly the same answer (a comment close only to an earlier repeat, not to the argument's first statement,
 * counts as new). Staff read the new ones first: the hundredth comment saying the same thing adds a count, not a
 * reason.
 */
export const NEW_ARGUMENT_SIMILARITY = 0.8;
/**
 * A topic remembers at most this many arguments: past them a comment unlike all of them is still new, but is not
 * itself remembered, so a topic of 100,000 varied comments costs its size times this, not the square of it (the
 * 100,000-comment bench took 15.7 s in this function without the bound). A comment like only an argument past the
 * bound is then counted new again: at that many distinct arguments in one topic the flag guides less anyway.
 */
export const MAX_ARGUMENTS_PER_TOPIC = 256;

/**
 * groupOf: each comment's topic in received order (negative: no topic, never new); vectorOf: the comment's unit
 * vector, null when the model cannot place it (asked once per comment, so vectors need not all be held at once);
 * campaignOf: each comment's campaign (negative: none). A campaign's copies after its first are never new; its
 * first is new when the model cannot place it (a campaign in words nobody else uses is a topic of its own).
 * Returns whether each comment is new.
 */
export function newArguments(
  groupOf: ArrayLike<number>,
  vectorOf: (i: number) => Float32Array | null,
  campaignOf: ArrayLike<number> = [],
  threshold = NEW_ARGUMENT_SIMILARITY,
  maxArguments = MAX_ARGUMENTS_PER_TOPIC,
): boolean[] {
  const arguments_ = new Map<number, Float32Array[]>();
  const campaignsSeen = new Set<number>();
  return Array.from({ length: groupOf.length }, (_, i) => {
    const g = groupOf[i];
    if (g < 0) return false;
    const c = campaignOf[i] ?? -1;
    if (c >= 0 && campaignsSeen.has(c)) return false;
    if (c >= 0) campaignsSeen.add(c);
    const v = vectorOf(i);
    if (v === null) return c >= 0;
    let seen = arguments_.get(g);
    if (!seen) arguments_.set(g, (seen = []));
    for (const a of seen) {
      let s = 0;
      for (let d = 0; d < v.length; d++) s += v[d] * a[d];
      if (s >= threshold) return false;
    }
    if (seen.length < maxArguments) seen.push(v);
    return true;
  });
}
