// Who this process is, for the leases it holds on shared work (analysis runs, outbox rows): unique
// across machines, processes and restarts of one process id.
import crypto from "node:crypto";
import os from "node:os";

export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
