import { describe, expect, it } from "vitest";
import { commenterKey, countDistinctCommenters } from "./distinct-commenters";

const c = (email: string | null, name: string | null = null, organisation: string | null = null) => ({ email, name, organisation });

describe("countDistinctCommenters", () => {
  it("counts one person per email address, whatever its case", () => {
    expect(countDistinctCommenters([c("A@example.com"), c("a@example.com "), c("b@example.com")])).toBe(2);
  });

  it("without an email, counts one person per name and organisation", () => {
    expect(countDistinctCommenters([c(null, "王刚", "沈阳某公司"), c(null, "王刚", "沈阳某公司"), c(null, "王刚", "大连某公司"), c(null, "王刚")])).toBe(3);
  });

  it("counts every anonymous comment as a person of its own", () => {
    expect(countDistinctCommenters([c(null), c(null), c("", "  ", "")])).toBe(3);
    expect(commenterKey(c(null))).toBeNull();
  });

  it("prefers the email over the name, and never merges an email with a name", () => {
    expect(countDistinctCommenters([c("w@example.com", "王刚"), c("w@example.com", "王小刚"), c(null, "王刚")])).toBe(2);
  });

  it("counts nobody when there are no comments", () => {
    expect(countDistinctCommenters([])).toBe(0);
  });
});
