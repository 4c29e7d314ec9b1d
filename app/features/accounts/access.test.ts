import { describe, expect, it } from "vitest";
import {
  canDraft,
  canModerate,
  canOpenPacket,
  canRecordLegalProgress,
  canReview,
  canReviewSummary,
  canView,
  canViewAnalysis,
  canWorkOnAnalysis,
  isReviewer,
  type Staff,
} from "./access";

// Every permission rule for every kind of staff member, against one consultation of division 1
// written by user 10. A row is who; the columns are the rules, in the order below.

const C = { divisionId: 1, authorId: 10 };
const who: Record<string, Staff> = {
  "drafter of the division": { id: 11, role: "drafter", divisionId: 1 },
  "the drafter who wrote it": { id: 10, role: "drafter", divisionId: 1 },
  "drafter of another division": { id: 12, role: "drafter", divisionId: 2 },
  reviewer: { id: 20, role: "reviewer", divisionId: null },
  "reviewer who wrote it": { id: 10, role: "reviewer", divisionId: null },
  "legal office": { id: 30, role: "legal", divisionId: null },
  admin: { id: 40, role: "admin", divisionId: null },
};

const rules = {
  draft: (u: Staff) => canDraft(u, C),
  review: (u: Staff) => canReview(u, C),
  view: (u: Staff) => canView(u, C),
  moderate: (u: Staff) => canModerate(u, C),
  "work on analysis": (u: Staff) => canWorkOnAnalysis(u, C),
  "view analysis": (u: Staff) => canViewAnalysis(u, C),
  "open packet (not submitted)": (u: Staff) => canOpenPacket(u, C, false),
  "open packet (submitted)": (u: Staff) => canOpenPacket(u, C, true),
  "review the summary it wrote not": (u: Staff) => canReviewSummary(u, { authorId: 10 }),
  "record legal progress": (u: Staff) => canRecordLegalProgress(u),
  "decide a submission": (u: Staff) => isReviewer(u),
};

//                                  draft  review view   mod    work   viewA  pkt    pkt+   sumRev legal  decide
const expected: Record<string, boolean[]> = {
  "drafter of the division": [true, false, true, true, true, true, true, true, false, false, false],
  "the drafter who wrote it": [true, false, true, true, true, true, true, true, false, false, false],
  "drafter of another division": [false, false, false, false, false, false, false, false, false, false, false],
  reviewer: [false, true, true, true, true, true, true, true, true, false, true],
  "reviewer who wrote it": [false, false, true, true, true, true, true, true, false, false, true],
  "legal office": [false, false, true, false, false, true, false, true, false, true, false],
  admin: [false, false, false, false, false, false, false, false, false, false, false],
};

describe("the permission rules", () => {
  for (const [name, user] of Object.entries(who)) {
    it(`for the ${name}`, () => {
      expect(Object.fromEntries(Object.entries(rules).map(([rule, can]) => [rule, can(user)]))).toEqual(
        Object.fromEntries(Object.keys(rules).map((rule, i) => [rule, expected[name][i]]))
      );
    });
  }

  it("never let anyone approve what they wrote", () => {
    for (const user of Object.values(who)) {
      if (user.id === C.authorId) expect(canReview(user, C)).toBe(false);
      if (user.id === 10) expect(canReviewSummary(user, { authorId: 10 })).toBe(false);
    }
  });
});
