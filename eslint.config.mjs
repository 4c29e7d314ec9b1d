// Only the rules that guard the async data layer: a promise is awaited (or explicitly voided), and
// no async function is passed where a synchronous callback is expected (forEach, filter, sort…).
// Formatting is Prettier's; layering is tests/architecture.test.ts.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "data/**", "test-results/**", "**/*.js", "**/*.mjs"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: {
      "@typescript-eslint/no-floating-promises": ["error", { ignoreVoid: true }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: true, attributes: false } }],
    },
  },
  {
    // The same code runs on SQLite and on PostgreSQL: a query is awaited as it is. `.all()`, `.get()` and
    // `.run()` exist on SQLite's builders only; `first()` / `single()` (db/client.server.ts)
    // take the first row.
    files: ["app/**/*.ts", "app/**/*.tsx", "server/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(all|get|run)$/]",
          message: "SQLite-only query executor: await the query itself, or use first()/single() from ~db/client.server.",
        },
      ],
    },
  }
);
