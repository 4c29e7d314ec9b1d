import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The layering rules of docs/decisions/0034 and the architecture section of the README, checked on
// the import statements of every source file. A rule broken anywhere names the file and import.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs"];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** What a file imports; `runtime` leaves out `import type`, which no cycle can break at run time. */
function importsOf(file: string, which: "all" | "runtime" = "all"): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(IMPORT)].filter((m) => which === "all" || !m[1]).map((m) => m[2] ?? m[3]);
}

/** The repository-relative file an import names, or null for a package. */
function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~db/")) base = path.join("db", spec.slice(4));
  else if (spec.startsWith("~/")) base = path.join("app", spec.slice(2));
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, "index" + e))]) {
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  return base;
}

const appFiles = sourceFiles("app").filter((f) => !/\.test\.tsx?$/.test(f));

const featureOf = (file: string) => /^app\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
const isFeatureIndex = (file: string) => /^app\/features\/[^/]+\/index(\.server)?\.ts$/.test(file);

const NAMED = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:\{([^}]*)\}\s*from\s+)?["']([^"']+)["']/g;

/** A file's runtime imports with the names each takes (type-only names aside). */
function runtimeImports(file: string): Array<{ spec: string; names: string[] }> {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const named = [...text.matchAll(NAMED)].filter((m) => !m[1]);
  const withNames = new Map(named.map((m) => [m[3], (m[2] ?? "").split(",").map((n) => n.trim())]));
  return importsOf(file, "runtime").map((spec) => ({
    spec,
    names: (withNames.get(spec) ?? []).filter((n) => n && !n.startsWith("type ")).map((n) => n.split(/\s+as\s+/)[0].trim()),
  }));
}

/** What a feature index re-exports: name → the module that defines it. */
function reExports(index: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of fs.readFileSync(path.join(root, index), "utf8").matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    const target = resolve(index, m[2])!;
    for (const n of m[1].split(",").map((x) => x.trim())) if (n) out.set(n, target);
  }
  return out;
}

describe("architecture", () => {
  it("routes never reach the database: no drizzle, no schema, no driver, no raw SQL", () => {
    const offences: string[] = [];
    for (const file of appFiles.filter((f) => f.startsWith("app/routes/"))) {
      for (const spec of importsOf(file)) {
        if (/^(drizzle-orm|better-sqlite3|pg)(\/|$)/.test(spec) || /^~db\/(client\.server|schema)$/.test(spec)) offences.push(`${file} imports ${spec}`);
      }
      const text = fs.readFileSync(path.join(root, file), "utf8");
      if (/\$client|\.prepare\(/.test(text)) offences.push(`${file} uses the raw connection`);
    }
    expect(offences).toEqual([]);
  });

  it("the analysis engine is a pure library: it imports nothing of the app or the database", () => {
    const offences: string[] = [];
    for (const file of sourceFiles("app/engine").filter((f) => !/\.test\.ts$/.test(f))) {
      for (const spec of importsOf(file)) {
        const target = resolve(file, spec);
        if (target && !target.startsWith("app/engine/")) offences.push(`${file} imports ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("the platform has no domain knowledge: it imports no feature, component, route or start-up code", () => {
    const offences: string[] = [];
    for (const file of appFiles.filter((f) => f.startsWith("app/platform/"))) {
      for (const spec of importsOf(file)) {
        const target = resolve(file, spec);
        if (target && /^app\/(features|ui|routes|startup)\//.test(target)) offences.push(`${file} imports ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("features and components never import routes or start-up code; components import no server module at run time", () => {
    const offences: string[] = [];
    for (const file of appFiles.filter((f) => /^app\/(features|ui)\//.test(f))) {
      for (const spec of importsOf(file)) {
        const target = resolve(file, spec);
        if (target && /^app\/(routes|startup)\//.test(target)) offences.push(`${file} imports ${spec}`);
      }
      if (file.startsWith("app/ui/")) {
        for (const spec of importsOf(file, "runtime")) if (/\.server$/.test(spec)) offences.push(`${file} imports ${spec} at run time`);
      }
    }
    expect(offences).toEqual([]);
  });

  it("only the database seam declares the transaction type", () => {
    const offences = [...appFiles, ...sourceFiles("db"), ...sourceFiles("scripts")].filter(
      (f) => f !== "db/client.server.ts" && /\btype Tx\s*=/.test(fs.readFileSync(path.join(root, f), "utf8"))
    );
    expect(offences).toEqual([]);
  });

  it("a feature is used by others only through its index (index.ts, index.server.ts), which only re-exports", () => {
    const offences: string[] = [];
    for (const file of [...appFiles, ...sourceFiles("server")]) {
      const own = featureOf(file);
      for (const spec of importsOf(file)) {
        const target = resolve(file, spec);
        const feature = target && featureOf(target);
        if (feature && feature !== own && !isFeatureIndex(target)) offences.push(`${file} imports ${spec}`);
      }
    }
    for (const index of appFiles.filter(isFeatureIndex)) {
      const code = fs
        .readFileSync(path.join(root, index), "utf8")
        .replace(/\/\/.*$/gm, "")
        .replace(/export\s+(type\s+)?\{[^}]*\}\s*from\s*"\.\/[^"]+";/g, "")
        .trim();
      if (code) offences.push(`${index} holds more than re-exports: ${code.slice(0, 80)}`);
    }
    expect(offences).toEqual([]);
  });

  it("has no import cycles in the application code (type-only imports aside)", () => {
    // A feature's index only re-exports: an import through it is an import of the modules that define
    // the names taken, so that two features using each other's different modules are no cycle.
    const graph = new Map<string, string[]>();
    for (const file of appFiles) {
      graph.set(
        file,
        runtimeImports(file).flatMap(({ spec, names }) => {
          const target = resolve(file, spec);
          if (target === null || !target.startsWith("app/")) return [];
          return isFeatureIndex(target) ? names.map((n) => reExports(target).get(n) ?? target) : [target];
        })
      );
    }
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
