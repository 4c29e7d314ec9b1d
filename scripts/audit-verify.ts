// Recomputes the audit log's hash chain: exit 0 when intact, 1 when a row was altered or removed.
import { openDatabase } from "~db/client.server";
import { verifyAuditChain } from "~/platform/audit.server";
import { env } from "~/platform/env.server";

const file = process.argv[2] ?? env().DATABASE_PATH;
const db = openDatabase(file);
const result = await verifyAuditChain(db);
db.$client.close();
if (result.ok) {
  console.log(`Audit log intact: ${result.checked} entries verified in ${file}.`);
} else {
  console.error(`Audit log TAMPERED at entry ${result.firstBadId}: ${result.problem} (${result.checked} entries verified before it).`);
  process.exit(1);
}
