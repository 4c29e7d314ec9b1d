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
 * vector, null when the model cannot place it (asked once per comment, so vectors need not all be held at once;
 * the vector is copied when kept, so vectorOf may hand out one buffer every time);
 * campaignOf: each comment's campaign (negative: none). A campaign's copies after its first are never new; its
 * first is new when the model cannot place it (a campaign in words nobody else uses is a topic of its own).
 * Returns whether each comment is new.
 */
export function newArguments(
  groupOf: ArrayLike<number>,
  vectorOf: (i: number) => Float32Array | null,
  campaignOf: ArrayLike<number> = [],
  threshold = NEW_ARGUMENT_SIMILARITY,
  maxArguments = MAX_ARGUMENTS_PER_TOPIC
): boolean[] {
  const topics = new Map<number, TopicArguments>();
  const campaignsSeen = new Set<number>();
  return Array.from({ length: groupOf.length }, (_, i) => {
    const g = groupOf[i];
    if (g < 0) return false;
    const c = campaignOf[i] ?? -1;
    if (c >= 0 && campaignsSeen.has(c)) return false;
    if (c >= 0) campaignsSeen.add(c);
    const v = vectorOf(i);
    if (v === null) return c >= 0;
    let seen = topics.get(g);
    if (!seen) topics.set(g, (seen = new TopicArguments(v.length)));
    if (seen.anyAtLeast(v, threshold)) return false;
    if (seen.count < maxArguments) seen.add(v);
    return true;
  });
}

/**
 * One topic's remembered arguments, row after row in one array. Whether any is at least `threshold` similar does
 * not depend on the order they are tried in, so the one that matched last is tried first (repeats of a popular
 * argument come in runs), then the rest four rows at a time: each element of the comment's vector read serves four
 * products. Every product is summed in the same order as one row at a time, so the answer is the same.
 */
class TopicArguments {
  count = 0;
  private rows: Float32Array;
  private lastMatch = -1;

  constructor(private readonly dims: number) {
    this.rows = new Float32Array(dims * 8);
  }

  add(v: Float32Array): void {
    if ((this.count + 1) * this.dims > this.rows.length) {
      const grown = new Float32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows.set(v.subarray(0, this.dims), this.count * this.dims);
    this.count++;
  }

  anyAtLeast(v: Float32Array, threshold: number): boolean {
    const { rows, dims, count } = this;
    const len = Math.min(dims, v.length);
    if (this.lastMatch >= 0 && this.dot(v, this.lastMatch, len) >= threshold) return true;
    let r = 0;
    for (; r + 3 < count; r += 4) {
      const b0 = r * dims;
      const b1 = b0 + dims;
      const b2 = b1 + dims;
      const b3 = b2 + dims;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let d = 0; d < len; d++) {
        const x = v[d];
        s0 += x * rows[b0 + d];
        s1 += x * rows[b1 + d];
        s2 += x * rows[b2 + d];
        s3 += x * rows[b3 + d];
      }
      if (s0 >= threshold) return this.matched(r);
      if (s1 >= threshold) return this.matched(r + 1);
      if (s2 >= threshold) return this.matched(r + 2);
      if (s3 >= threshold) return this.matched(r + 3);
    }
    for (; r < count; r++) if (this.dot(v, r, len) >= threshold) return this.matched(r);
    return false;
  }

  private matched(r: number): true {
    this.lastMatch = r;
    return true;
  }

  private dot(v: Float32Array, r: number, len: number): number {
    const base = r * this.dims;
    let s = 0;
    for (let d = 0; d < len; d++) s += v[d] * this.rows[base + d];
    return s;
  }
}
