// The floor for the PostgreSQL intake benchmark: node:http and a node-postgres pool doing the same durable
// insert (one row per comment, committed) with nothing else: no framework, no validation, no limits.
import crypto from "node:crypto";
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 10 });
await pool.query(
  `CREATE TABLE IF NOT EXISTS floor_comments (id serial PRIMARY KEY, receipt_no text UNIQUE, body text, identity text, idempotency_key text UNIQUE, received_at timestamptz)`
);

http
  .createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const form = new URLSearchParams(raw);
      const receipt = `ZQ20261126-${crypto.randomBytes(4).toString("hex").slice(0, 6).toUpperCase()}${Math.random().toString(36).slice(2, 6)}`;
      pool
        .query("INSERT INTO floor_comments (receipt_no, body, identity, idempotency_key, received_at) VALUES ($1, $2, $3, $4, now())", [
          receipt,
          form.get("body"),
          form.get("identityCategory"),
          form.get("idempotencyKey"),
        ])
        .then(
          () => {
            res.writeHead(303, { Location: `/status?receipt=${receipt}` });
            res.end();
          },
          () => {
            res.writeHead(503);
            res.end();
          }
        );
    });
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
