// How many people commented, for 意见采纳情况说明's "来自 N 位提出人". Pure, so the summary, the
// legality-review packet and their tests count alike.

export interface CommenterIdentity {
  email: string | null;
  name: string | null;
  organisation: string | null;
}

/**
 * The key that decides whether two comments come from the same person, by the strongest
 * identifier the comment carries:
 * 1. the email address, case-insensitive;
 * 2. failing that, the name together with the organisation (either may be missing);
 * 3. failing both, the comment is anonymous and is a person of its own (null key).
 * Anonymous comments cannot be told apart, and assuming they share authors would undercount the
 * public. A person who gave an email once and only a name another time counts twice: the rule
 * never guesses that two different identifiers are one person.
 */
export function commenterKey(c: CommenterIdentity): string | null {
  const email = c.email?.trim().toLowerCase();
  if (email) return `email:${email}`;
  const name = c.name?.trim() ?? "";
  const organisation = c.organisation?.trim() ?? "";
  if (name || organisation) return `name:${name}\u0000${organisation}`;
  return null;
}

export function countDistinctCommenters(comments: Iterable<CommenterIdentity>): number {
  const keys = new Set<string>();
  let anonymous = 0;
  for (const c of comments) {
    const key = commenterKey(c);
    if (key === null) anonymous++;
    else keys.add(key);
  }
  return keys.size + anonymous;
}
