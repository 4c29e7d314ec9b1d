import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { FIXTURE_DRAFT, fixtureComments, fixtureSubjects } from "./test-fixtures";
import type { StaffEdits } from "./types";

const subjects = fixtureSubjects();
const idsOf = (subject: string) => [...subjects].filter(([, s]) => s === subject).map(([id]) => id);
const first = analyze({ comments: fixtureComments(), draft: FIXTURE_DRAFT });
const topicWith = (id: string) => first.topics.find((t) => t.comment_ids.includes(id));

describe("staff edits on the next run", () => {
  const registrationTopic = topicWith(idsOf("registration")[0]);
  const moved = idsOf("mess")[0];
  const edits: StaffEdits = {
    topics: [
      // rename: the topic as staff saw it, with a new name
      { key: "registration", label: "犬证办理", comment_ids: [...(registrationTopic?.comment_ids ?? []), moved] },
      // merge: two subjects as one topic
      { key: "dog-rules", label: "犬只管理", comment_ids: [...idsOf("leash"), ...idsOf("breeds")] },
      // own topic for one comment
      { key: "special", label: "外文意见", comment_ids: [idsOf("special")[0]] },
    ],
  };
  const newcomer = { id: "new-1", text: "养犬登记证每年年检太麻烦，希望能在网上办理登记和年检。" };
  const second = analyze({ comments: [...fixtureComments(), newcomer], draft: FIXTURE_DRAFT, staffEdits: edits });
  const topic = (key: string) => second.topics.find((t) => t.id === key);

  it("keeps staff topics under their keys and labels with the comments staff put there", () => {
    expect(topic("registration")?.label).toBe("犬证办理");
    expect(topic("registration")?.kind).toBe("staff");
    // A comment listed in two staff topics belongs to the later one (the first run may have put a leash comment
    // in the registration topic; the merge below lists it again).
    const laterListed = new Set(edits.topics.slice(1).flatMap((t) => t.comment_ids));
    expect(topic("registration")?.comment_ids).toEqual(expect.arrayContaining(edits.topics[0].comment_ids.filter((id) => !laterListed.has(id))));
    expect(topic("dog-rules")?.comment_ids).toEqual(expect.arrayContaining([...idsOf("leash"), ...idsOf("breeds")]));
    expect(topic("special")?.comment_ids).toContain(idsOf("special")[0]);
  });

  it("moves a comment out of every other topic", () => {
    const holders = second.topics.filter((t) => t.comment_ids.includes(moved));
    expect(holders.map((t) => t.id)).toEqual(["registration"]);
    expect(second.comments.find((c) => c.id === moved)?.topic).toBe("registration");
  });

  it("lets a new comment join the staff topic it resembles", () => {
    expect(second.comments.find((c) => c.id === "new-1")?.topic).toBe("registration");
  });

  it("still gives every comment one topic", () => {
    const listed = second.topics.flatMap((t) => t.comment_ids).sort();
    expect(listed).toEqual(second.comments.map((c) => c.id).sort());
  });

  it("ignores unknown comment ids and lets the last listing of a comment win", () => {
    const r = analyze({
      comments: fixtureComments(),
      staffEdits: {
        topics: [
          { key: "a", comment_ids: ["f001", "nope"] },
          { key: "b", comment_ids: ["f001"] },
        ],
      },
    });
    expect(r.comments.find((c) => c.id === "f001")?.topic).toBe("b");
    expect(r.topics.find((t) => t.id === "a")).toBeUndefined();
  });
});
