// The floor for the page-view benchmark: node:http and better-sqlite3 answering the same question
// as the consultation page's comment list (the newest public comments, 20 a page) as a tiny HTML page.
import http from "node:http";
import Database from "better-sqlite3";

const db = new Database(process.env.FLOOR_DB, { readonly: true });
const page = db.prepare(
  `SELECT published_body AS text, received_at AS at FROM comments
   WHERE consultation_id = 1 AND moderation_status = 'approved' AND publish_preference <> 'private' AND published_body IS NOT NULL
   ORDER BY received_at DESC, id DESC LIMIT 20 OFFSET ?`
);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

http
  .createServer((req, res) => {
    const n = Number(new URL(req.url, "http://x").searchParams.get("cpage") ?? 1);
    const rows = page.all((Math.max(1, n) - 1) * 20);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><ul>${rows.map((r) => `<li>${esc(r.text)}</li>`).join("")}</ul>`);
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
