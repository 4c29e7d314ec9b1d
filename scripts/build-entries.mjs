// Bundles the entries that run beside Remix's server bundle (build/index.js), each a typed TypeScript file:
// the express server (server/index.ts → build/server.js, what `npm start` runs), the background worker
// (server/worker.ts → build/worker.js, `npm run worker`), and the worker threads of the analysis engine and the
// packet, because a bundled server has no .ts file to start a thread from. Packages stay external: they are
// installed in production and some (jieba, better-sqlite3) are native.
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
    server: path.join(root, "server/index.ts"),
    worker: path.join(root, "server/worker.ts"),
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
process.stdout.write("built build/server.js, build/worker.js, build/analysis-worker.js, build/analysis-prepare-worker.js and build/packet-worker.js\n");
