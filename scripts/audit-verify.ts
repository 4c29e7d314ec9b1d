// Recomputes the audit log's hash chain: exit 0 when intact, 1 when a row was altered or removed.
import { closeDatabase, describeLocation, openDatabaseAt } from "~db/client.server";
import { verifyAuditChain } from "~/platform/audit.server";
import { env } from "~/platform/env.server";

const file = process.argv[2] ?? env().DATABASE;
const db = openDatabaseAt(file);
const result = await verifyAuditChain(db);
await closeDatabase(db);
if (result.ok) {
  console.log(`Audit log intact: ${result.checked} entries verified in ${describeLocation(file)}.`);
} else {
  console.error(`Audit log TAMPERED at entry ${result.firstBadId}: ${result.problem} (${result.checked} entries verified before it).`);
  process.exit(1);
}
