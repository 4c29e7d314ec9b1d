import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The analysis command line as other tools call it: a real process, real files. */
const root = path.resolve(__dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(process.env.ZQ_TEST_TMP!, "cli-"));

function run(script: "analyze" | "eval-analysis", args: string[]) {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", `${script}.ts`), ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function write(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const comment = (id: string, text: string, topic: string) => JSON.stringify({ id, text, labels: { topic } });
const lines = [
  comment("a1", "建议公交对退役军人免费乘车，票价减免。", "bus"),
  comment("a2", "退役军人乘坐公交应当免费，地铁也一样。", "bus"),
  '{"id": "broken", "text": "没有结尾的引号}',
  comment("a3", "老兵坐公交车希望免票。", "bus"),
  comment("b1", "子女入学应当优先安排学位。", "school"),
  comment("b2", "退役军人子女中考加分要落实。", "school"),
  "",
  comment("b3", "孩子上学就近入学，学校要优先接收。", "school"),
  comment("c1", "😀", "none"),
];

describe("npm run analyze", () => {
  it("reports a malformed line with its number, analyses the rest and prints the contract's JSON", () => {
    const input = write("comments.jsonl", lines);
    const { status, stdout, stderr } = run("analyze", ["--input", input]);
    expect(status).toBe(0);
    expect(stderr).toContain(`${input}:3: malformed JSON`);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(["campaigns", "comments", "too_few_for_topics", "topics"]);
    expect(result.comments.map((c: { id: string }) => c.id)).toEqual(["a1", "a2", "a3", "b1", "b2", "b3", "c1"]);
    expect(result.comments.find((c: { id: string }) => c.id === "c1").topic).toBe("no-substance");
    for (const topic of result.topics) expect(topic).toMatchObject({ id: expect.any(String), label: expect.any(String), size: expect.any(Number) });
  });

  it("gives the same output for the same seed, and accepts another", () => {
    const input = write("seeded.jsonl", lines);
    const first = run("analyze", ["--input", input, "--seed", "7"]);
    expect(first.status).toBe(0);
    expect(run("analyze", ["--input", input, "--seed", "7"]).stdout).toBe(first.stdout);
    expect(run("analyze", ["--input", input]).status).toBe(0);
  });

  it("refuses a bad option or a missing file with a message, not a stack trace", () => {
    const badSeed = run("analyze", ["--input", "x.jsonl", "--seed", "abc"]);
    expect(badSeed.status).toBe(2);
    expect(badSeed.stderr).toContain('--seed expects a whole number, got "abc"');
    const missing = run("analyze", ["--input", path.join(dir, "none.jsonl")]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain("input file not found");
    expect(missing.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe("input hygiene", () => {
  it("warns of repeated ids and null, numeric or empty texts with their lines, and keeps every record apart", () => {
    const input = write("hygiene.jsonl", [
      comment("d1", "建议公交对退役军人免费乘车。", "bus"),
      comment("d1", "子女入学应当优先安排学位。", "school"),
      JSON.stringify({ id: "d3", text: null }),
      JSON.stringify({ id: "d4", text: 12345 }),
      JSON.stringify({ id: "d5", text: "   " }),
    ]);
    const { status, stdout, stderr } = run("analyze", ["--input", input]);
    expect(status).toBe(0);
    expect(stderr).toContain(`${input}:2: warning: id "d1" was already used on line 1`);
    expect(stderr).toContain(`${input}:3: warning: "text" is null`);
    expect(stderr).toContain(`${input}:4: warning: "text" is the number 12345`);
    expect(stderr).toContain(`${input}:5: warning: "text" is empty`);
    expect(stderr).toContain("4 warning(s)");
    const ids = JSON.parse(stdout).comments.map((c: { id: string }) => c.id);
    expect(ids).toEqual(["d1", "d1#line-2", "d3", "d4", "d5"]);
  });
});

describe("npm run eval:analysis", () => {
  it("prints every metric, null where the input carries no labels for it", () => {
    const input = write("labelled.jsonl", lines);
    const { status, stdout } = run("eval-analysis", ["--input", input, "--label-field", "labels.topic"]);
    expect(status).toBe(0);
    const figures = JSON.parse(stdout);
    expect(Object.keys(figures).sort()).toEqual(
      [
        "ari",
        "article_accuracy",
        "article_accuracy_explicit",
        "article_accuracy_implicit",
        "article_link_precision",
        "inferred_link_precision",
        "campaign_precision",
        "campaign_recall",
        "n",
        "nmi",
        "pii_false_positive_rate",
        "pii_recall",
        "seconds",
        "theme_ari",
        "theme_nmi",
        "themes",
        "topics",
      ].sort()
    );
    expect(figures.n).toBe(7);
    expect(figures.nmi).toBeGreaterThanOrEqual(0);
    expect(figures.nmi).toBeLessThanOrEqual(1);
    expect(figures.campaign_precision).toBeNull();
    expect(figures.article_accuracy).toBeNull();
  });
});
