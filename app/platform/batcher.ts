// Group commit: calls that arrive while a batch is being written wait, and go together in the next one.
// Alone, a call goes at once (on the next turn of the event loop); under a rush, batches grow with the
// rush, and the cost of a transaction (its round trips to the database, its commit) is shared by all the
// calls in it. Used by comment intake (docs/decisions/0042).

export interface BatcherOptions {
  /** At most this many calls in one batch. */
  maxItems: number;
  /** At most this many batches in flight at once. */
  concurrency: number;
  /**
   * Under a rush (a batch has just ended), wait this long for more calls before the next batch of fewer
   * than `maxItems` starts: fewer, larger transactions for the same calls (PostgreSQL's commit_delay,
   * done where the batch is made). A call that arrives when nothing is in flight or just ended goes at once.
   */
  gatherMs?: number;
  /**
   * Whether a batch's error may be one item's doing, so that each item is run again alone (the default);
   * not for a failure every item would meet alike (the database unreachable, full or busy).
   */
  isolate?: (error: unknown) => boolean;
}

/**
 * A function taking one item that runs `run` on batches of items. `run` answers one result per item, in
 * order. When it throws on a batch of several, each item is run again alone (unless `isolate` says the
 * failure is everyone's), so that one item's failure is its own: the others get their results, it its error.
 */
export function batcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  { maxItems, concurrency, gatherMs = 0, isolate = () => true }: BatcherOptions
): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;

  const start = (batch: Waiting[]) => {
    inFlight++;
    run(batch.map((w) => w.item))
      .then(
        (results) => {
          if (results.length !== batch.length) throw new Error(`batcher: ${results.length} results for ${batch.length} items`);
          batch.forEach((w, i) => w.resolve(results[i]));
        },
        async (error: unknown) => {
          if (batch.length === 1 || !isolate(error)) return batch.forEach((w) => w.reject(error));
          for (const w of batch) await run([w.item]).then(([result]) => w.resolve(result), w.reject);
        }
      )
      .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
      .finally(() => {
        inFlight--;
        if (gatherMs > 0 && queue.length < maxItems && !scheduled) {
          scheduled = true;
          setTimeout(pump, gatherMs);
        } else pump();
      });
  };

  const pump = () => {
    scheduled = false;
    while (inFlight < concurrency && queue.length > 0) {
      const batch = queue.slice(0, maxItems);
      queue = queue.slice(maxItems);
      start(batch);
    }
  };

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled && inFlight < concurrency) {
        scheduled = true;
        setImmediate(pump);
      }
    });
}
