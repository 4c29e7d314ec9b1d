/**
 * The characters a regular expression's match can start with, so a text holding none of them can skip the
 * expression. Understands what the cue lexicons use (literals, alternation, groups, lookarounds, quantifiers,
 * character classes without negation); anything else, a `u` or `i` flag, or a pattern that can match empty
 * answers null: "could start anywhere". Lookarounds and \b are left out (they consume nothing), which only makes
 * the set larger, never smaller.
 */
export function firstChars(pattern: RegExp): Set<number> | null {
  if (pattern.flags.includes("u") || pattern.flags.includes("i")) return null;
  try {
    const parser = new Parser(pattern.source);
    const alt = parser.alternation();
    if (parser.at < pattern.source.length) return null;
    const first = alternationFirst(alt);
    return first.nullable || first.chars === null ? null : first.chars;
  } catch {
    return null;
  }
}

type Atom =
  | { kind: "chars"; chars: Set<number> | null } // null: any character
  | { kind: "group"; alt: Item[][] }
  | { kind: "empty" }; // lookarounds and assertions: consume nothing

interface Item {
  atom: Atom;
  optional: boolean;
}

interface First {
  chars: Set<number> | null;
  nullable: boolean;
}

function union(a: Set<number> | null, b: Set<number> | null): Set<number> | null {
  if (a === null || b === null) return null;
  for (const c of b) a.add(c);
  return a;
}

function alternationFirst(alt: Item[][]): First {
  let chars: Set<number> | null = new Set();
  let nullable = false;
  for (const seq of alt) {
    const f = sequenceFirst(seq);
    chars = union(chars, f.chars);
    nullable ||= f.nullable;
  }
  return { chars, nullable };
}

function sequenceFirst(seq: Item[]): First {
  let chars: Set<number> | null = new Set();
  for (const item of seq) {
    const f = atomFirst(item.atom);
    chars = union(chars, f.chars);
    if (!item.optional && !f.nullable) return { chars, nullable: false };
  }
  return { chars, nullable: true };
}

function atomFirst(atom: Atom): First {
  if (atom.kind === "empty") return { chars: new Set(), nullable: true };
  if (atom.kind === "chars") return { chars: atom.chars === null ? null : new Set(atom.chars), nullable: false };
  return alternationFirst(atom.alt);
}

const DIGITS = new Set(Array.from({ length: 10 }, (_, d) => 48 + d));
const ESCAPED_CHAR: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v" };

class Parser {
  at = 0;
  constructor(private readonly s: string) {}

  alternation(): Item[][] {
    const alt: Item[][] = [this.sequence()];
    while (this.s[this.at] === "|") {
      this.at++;
      alt.push(this.sequence());
    }
    return alt;
  }

  private sequence(): Item[] {
    const seq: Item[] = [];
    while (this.at < this.s.length && this.s[this.at] !== "|" && this.s[this.at] !== ")") {
      const atom = this.atom();
      seq.push({ atom, optional: this.quantifier() });
    }
    return seq;
  }

  /** Reads a quantifier if there is one; whether it allows zero repetitions. */
  private quantifier(): boolean {
    const c = this.s[this.at];
    let optional = false;
    if (c === "?" || c === "*") {
      optional = true;
      this.at++;
    } else if (c === "+") this.at++;
    else if (c === "{") {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.at));
      if (!m) throw new Error("brace");
      optional = Number(m[1]) === 0;
      this.at += m[0].length;
    } else return false;
    if (this.s[this.at] === "?") this.at++;
    return optional;
  }

  private atom(): Atom {
    const c = this.s[this.at++];
    if (c === "(") {
      let lookaround = false;
      if (this.s[this.at] === "?") {
        const rest = this.s.slice(this.at, this.at + 3);
        if (rest.startsWith("?:")) this.at += 2;
        else if (rest.startsWith("?=") || rest.startsWith("?!")) {
          this.at += 2;
          lookaround = true;
        } else if (rest === "?<=" || rest === "?<!") {
          this.at += 3;
          lookaround = true;
        } else throw new Error("group");
      }
      const alt = this.alternation();
      if (this.s[this.at++] !== ")") throw new Error("unclosed");
      return lookaround ? { kind: "empty" } : { kind: "group", alt };
    }
    if (c === "[") return { kind: "chars", chars: this.characterClass() };
    if (c === "\\") return this.escape();
    if (c === ".") return { kind: "chars", chars: null };
    if (c === "^" || c === "$") return { kind: "empty" };
    if (c === ")" || c === "|" || c === "?" || c === "*" || c === "+" || c === "{") throw new Error("syntax");
    return { kind: "chars", chars: new Set([c.charCodeAt(0)]) };
  }

  private escape(): Atom {
    const e = this.s[this.at++];
    if (e === "b" || e === "B") return { kind: "empty" };
    if (e === "d") return { kind: "chars", chars: new Set(DIGITS) };
    if (e === "u") return { kind: "chars", chars: new Set([this.hex(4)]) };
    if (e === "x") return { kind: "chars", chars: new Set([this.hex(2)]) };
    if (e in ESCAPED_CHAR) return { kind: "chars", chars: new Set([ESCAPED_CHAR[e].charCodeAt(0)]) };
    // \s, \S, \w, \p{…}, backreferences and the like: could be many things.
    if (/[A-Za-z0-9]/.test(e)) return { kind: "chars", chars: null };
    return { kind: "chars", chars: new Set([e.charCodeAt(0)]) };
  }

  private hex(digits: number): number {
    const h = this.s.slice(this.at, this.at + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(h)) throw new Error("hex");
    this.at += digits;
    return parseInt(h, 16);
  }

  private characterClass(): Set<number> | null {
    if (this.s[this.at] === "^") throw new Error("negated class");
    const chars = new Set<number>();
    let any = false;
    while (this.s[this.at] !== "]") {
      if (this.at >= this.s.length) throw new Error("unclosed class");
      const from = this.classChar();
      if (from === null) {
        any = true;
        continue;
      }
      if (this.s[this.at] === "-" && this.s[this.at + 1] !== "]") {
        this.at++;
        const to = this.classChar();
        if (to === null || to < from) throw new Error("range");
        for (let c = from; c <= to; c++) chars.add(c);
      } else chars.add(from);
    }
    this.at++;
    return any ? null : chars;
  }

  /** One character of a class, or null for a class escape (\s, \w, \p…). */
  private classChar(): number | null {
    const c = this.s[this.at++];
    if (c !== "\\") return c.charCodeAt(0);
    const e = this.s[this.at++];
    if (e === "u") return this.hex(4);
    if (e === "x") return this.hex(2);
    if (e in ESCAPED_CHAR) return ESCAPED_CHAR[e].charCodeAt(0);
    if (/[A-Za-z0-9]/.test(e)) {
      if (e === "d") throw new Error("digit class in class");
      return null;
    }
    return e.charCodeAt(0);
  }
}
