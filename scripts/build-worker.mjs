// Bundles the analysis worker (app/engine/worker-entry.ts → build/analysis-worker.js) and its helper for the
// per-comment stage (prepare-worker.ts → build/analysis-prepare-worker.js) beside the server bundle, because a
// bundled server has no .ts file to start a worker from. Packages stay external: they are installed in
// production and some (jieba) are native.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// The app's own aliases (~/ for app/, ~db/ for db/) are bundled; `packages: "external"` would
// otherwise take them for packages.
const aliases = {
  name: "app-aliases",
  setup(b) {
    b.onResolve({ filter: /^~(db)?\// }, (args) => {
      const [, db] = /^~(db)?\//.exec(args.path);
      const rest = args.path.slice(db ? 4 : 2);
      return b.resolve(`./${rest}`, { resolveDir: path.join(root, db ? "db" : "app"), kind: args.kind });
    });
  },
};

await build({
  plugins: [aliases],
  entryPoints: {
    "analysis-worker": path.join(root, "app/engine/worker-entry.ts"),
    "analysis-prepare-worker": path.join(root, "app/engine/prepare-worker.ts"),
    "packet-worker": path.join(root, "app/features/packet/writers/packet-worker-entry.ts"),
  },
  outdir: path.join(root, "build"),
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});
process.stdout.write("built build/analysis-worker.js, build/analysis-prepare-worker.js and build/packet-worker.js\n");
