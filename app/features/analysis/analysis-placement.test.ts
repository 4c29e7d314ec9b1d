import { describe, expect, it } from "vitest";
import { settlePlacements } from "./analysis-placement";

const STAFF = 100;
const settled = new Set([STAFF]);

describe("settlePlacements", () => {
  it("lets new comments join a settled topic and keeps the engine's choice elsewhere", () => {
    const placed = settlePlacements(
      [
        { commentId: 1, topicId: STAFF },
        { commentId: 2, topicId: 7, previous: { topicId: 3 } },
        { commentId: 3, topicId: STAFF, previous: { topicId: STAFF } },
      ],
      settled,
      new Set()
    );
    expect([...placed]).toEqual([
      [1, STAFF],
      [2, 7],
      [3, STAFF],
    ]);
  });

  it("sends an older comment the engine moved into a settled topic where most of its former topic-mates went", () => {
    const placed = settlePlacements(
      [
        { commentId: 1, topicId: 8, previous: { topicId: 3 } },
        { commentId: 2, topicId: 8, previous: { topicId: 3 } },
        { commentId: 3, topicId: 9, previous: { topicId: 3 } },
        { commentId: 4, topicId: STAFF, previous: { topicId: 3 } },
        { commentId: 5, topicId: STAFF, previous: { topicId: 4 } },
      ],
      settled,
      new Set()
    );
    expect(placed.get(4)).toBe(8);
    // Nobody from its former topic went anywhere else: the engine's choice stands.
    expect(placed.get(5)).toBe(STAFF);
  });

  it("keeps the comments of a topic settled while the engine ran", () => {
    const placed = settlePlacements([{ commentId: 1, topicId: 9, previous: { topicId: 42 } }], settled, new Set([42]));
    expect(placed.get(1)).toBe(42);
  });
});
