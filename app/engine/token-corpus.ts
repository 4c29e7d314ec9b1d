/** A corpus as plain arrays, to send to another thread. */
export interface CorpusArrays {
  words: string[];
  offsets: Int32Array<ArrayBuffer>;
  tokens: Int32Array<ArrayBuffer>;
}

/**
 * Every comment's tokens as integer ids in two flat typed arrays. At a million comments an array of string arrays
 * costs gigabytes; this costs four bytes a token.
 */
export class TokenCorpus {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private offsets: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private tokens: Int32Array<ArrayBuffer> = new Int32Array(16_384);
  private docCount = 0;
  private tokenCount = 0;

  get size(): number {
    return this.docCount;
  }

  get vocabularySize(): number {
    return this.words.length;
  }

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    return id;
  }

  add(words: readonly string[]): number {
    if (this.docCount + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.docCount + 2);
    if (this.tokenCount + words.length > this.tokens.length) {
      this.tokens = grow(this.tokens, this.tokenCount + words.length);
    }
    for (const word of words) this.tokens[this.tokenCount++] = this.intern(word);
    this.docCount++;
    this.offsets[this.docCount] = this.tokenCount;
    return this.docCount - 1;
  }

  /** Adds a copy of an existing document (a repeated comment needs no second segmentation). */
  repeat(index: number): number {
    const from = this.offsets[index];
    const length = this.offsets[index + 1] - from;
    if (this.docCount + 2 > this.offsets.length) this.offsets = grow(this.offsets, this.docCount + 2);
    if (this.tokenCount + length > this.tokens.length) this.tokens = grow(this.tokens, this.tokenCount + length);
    this.tokens.copyWithin(this.tokenCount, from, from + length);
    this.tokenCount += length;
    this.docCount++;
    this.offsets[this.docCount] = this.tokenCount;
    return this.docCount - 1;
  }

  toArrays(): CorpusArrays {
    return {
      words: this.words.slice(),
      offsets: this.offsets.slice(0, this.docCount + 1),
      tokens: this.tokens.slice(0, this.tokenCount),
    };
  }

  /**
   * Appends another corpus's documents. Its words are interned in their own first-seen order, so appending
   * the parts of a collection in order gives exactly the ids that adding its documents one by one would.
   */
  append(other: CorpusArrays): void {
    const map = Int32Array.from(other.words, (word) => this.intern(word));
    const docs = other.offsets.length - 1;
    if (this.docCount + docs + 1 > this.offsets.length) this.offsets = grow(this.offsets, this.docCount + docs + 1);
    if (this.tokenCount + other.tokens.length > this.tokens.length) {
      this.tokens = grow(this.tokens, this.tokenCount + other.tokens.length);
    }
    for (let p = 0; p < other.tokens.length; p++) this.tokens[this.tokenCount + p] = map[other.tokens[p]];
    for (let d = 1; d <= docs; d++) this.offsets[this.docCount + d] = this.tokenCount + other.offsets[d];
    this.docCount += docs;
    this.tokenCount += other.tokens.length;
  }

  /** Token ids of one document, in order (a view, not a copy). */
  doc(index: number): Int32Array {
    return this.tokens.subarray(this.offsets[index], this.offsets[index + 1]);
  }

  length(index: number): number {
    return this.offsets[index + 1] - this.offsets[index];
  }

  /** How many of the given documents contain each term. */
  documentFrequency(docs: ArrayLike<number>): Int32Array {
    const df = new Int32Array(this.words.length);
    const lastSeen = new Int32Array(this.words.length).fill(-1);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      for (let p = this.offsets[d]; p < this.offsets[d + 1]; p++) {
        const t = this.tokens[p];
        if (lastSeen[t] !== d) {
          lastSeen[t] = d;
          df[t]++;
        }
      }
    }
    return df;
  }
}

function grow(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}
