// The floor for the intake benchmark: node:http and better-sqlite3 doing the same durable insert
// (one row per comment, WAL, synchronous=NORMAL) with nothing else — no framework, no validation.
import crypto from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const db = new Database(process.env.FLOOR_DB);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec(
  `CREATE TABLE IF NOT EXISTS comments (id INTEGER PRIMARY KEY, receipt_no TEXT UNIQUE, body TEXT, identity TEXT, idempotency_key TEXT UNIQUE, received_at INTEGER)`
);
const insert = db.prepare("INSERT INTO comments (receipt_no, body, identity, idempotency_key, received_at) VALUES (?, ?, ?, ?, ?)");

http
  .createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const form = new URLSearchParams(raw);
      const receipt = `ZQ20261126-${crypto.randomBytes(4).toString("hex").slice(0, 6).toUpperCase()}${Math.random().toString(36).slice(2, 6)}`;
      insert.run(receipt, form.get("body"), form.get("identityCategory"), form.get("idempotencyKey"), Date.now());
      res.writeHead(303, { Location: `/status?receipt=${receipt}` });
      res.end();
    });
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
