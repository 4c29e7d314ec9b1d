import { normalizeRows } from "./dense";
import type { StaffEdits, StaffTopic } from "./types";

/**
 * Staff edits as the next run sees them: each staff topic pins its comments, and its centre (the mean of its
 * comments) competes with the machine topics for every other comment, so new comments like the ones staff
 * grouped join that group.
 */
export interface ResolvedStaffTopics {
  topics: StaffTopic[];
  /** comment index → index in `topics`, or -1 */
  topicOf: Int32Array;
}

export function resolveStaffTopics(edits: StaffEdits | undefined, ids: readonly string[]): ResolvedStaffTopics {
  const topicOf = new Int32Array(ids.length).fill(-1);
  const list = edits?.topics ?? [];
  if (list.length === 0) return { topics: [], topicOf };
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  // A comment listed in several staff topics belongs to the last one: the latest move wins.
  const owner = new Map<number, number>();
  list.forEach((topic, t) => {
    for (const id of topic.comment_ids) {
      const i = indexOf.get(id);
      if (i !== undefined) owner.set(i, t);
    }
  });
  const used = [...new Set(owner.values())].sort((a, b) => a - b);
  const slot = new Map(used.map((t, s) => [t, s]));
  for (const [i, t] of owner) topicOf[i] = slot.get(t) ?? -1;
  const seenKeys = new Set<string>();
  const topics = used.map((t) => {
    const topic = list[t];
    // Keys must be unique in the result; a repeated key gets a suffix rather than silently merging topics.
    let key = topic.key;
    for (let k = 2; seenKeys.has(key); k++) key = `${topic.key}-${k}`;
    seenKeys.add(key);
    return { ...topic, key };
  });
  return { topics, topicOf };
}

/** The mean direction of each staff topic's comments (a zero row when none of them has words in the model). */
export function staffCentroids(staff: ResolvedStaffTopics, vectorOf: (doc: number) => Float32Array | null, dims: number): Float32Array {
  const k = staff.topics.length;
  const centroids = new Float32Array(k * dims);
  staff.topicOf.forEach((t, doc) => {
    if (t < 0) return;
    const v = vectorOf(doc);
    if (!v) return;
    for (let d = 0; d < dims; d++) centroids[t * dims + d] += v[d];
  });
  normalizeRows(centroids, k, dims);
  return centroids;
}
