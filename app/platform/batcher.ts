// Group commit: calls that arrive while a batch is being written wait, and go together in the next one.
// Alone, a call goes at once (on the next turn of the event loop); under a rush, batches grow with the
// rush, and the cost of a transaction (its round trips to the database, its commit) is shared by all the
// calls in it. Used by comment intake (docs/decisions/0042).

export interface BatcherOptions {
  /** At most this many calls in one batch. */
  maxItems: number;
  /** At most this many batches in flight at once. */
  concurrency: number;
}

/**
 * A function taking one item that runs `run` on batches of items. `run` answers one result per item, in
 * order; when it throws, every call of that batch rejects with its error.
 */
export function batcher<I, O>(run: (items: I[]) => Promise<O[]>, { maxItems, concurrency }: BatcherOptions): (item: I) => Promise<O> {
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
        (error: unknown) => batch.forEach((w) => w.reject(error))
      )
      .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
      .finally(() => {
        inFlight--;
        pump();
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
