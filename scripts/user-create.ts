// Creates a staff account from the command line, e.g. the first admin of a production install:
//   npm run user:create -- --username admin --name "系统管理员" --role admin
// The password is read from the terminal without echo, or from standard input when piped.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { closeDatabase, migrateDatabase, openDatabaseAt } from "~db/client.server";
import { divisions } from "~db/schema";
import { NewUserSchema } from "~/features/accounts/user-schema";
import { createUser, findUserByUsername } from "~/features/accounts/user.server";
import { env } from "~/platform/env.server";

const { values } = parseArgs({
  options: {
    username: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "admin" },
    division: { type: "string" },
    email: { type: "string" },
  },
});

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write("密码（至少 10 个字符，输入时不显示）：");
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) => rl.once("line", resolve));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write("\n");
  return line;
}

const db = openDatabaseAt(env().DATABASE);
await migrateDatabase(db);

let divisionId: string | undefined;
if (values.division) {
  const division =
    (await db.select().from(divisions).where(eq(divisions.name, values.division)).limit(1))[0] ??
    (await db.insert(divisions).values({ name: values.division }).returning())[0];
  divisionId = String(division.id);
}

const parsed = NewUserSchema.safeParse({
  username: values.username,
  displayName: values.name ?? values.username,
  role: values.role,
  email: values.email,
  divisionId,
  password: await readPassword(),
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
  process.exit(1);
}
if (await findUserByUsername(db, parsed.data.username)) {
  console.error(`用户名 ${parsed.data.username} 已存在。`);
  process.exit(1);
}
const user = await createUser(db, parsed.data, null);
await closeDatabase(db);
console.log(`Created ${user.role} account "${user.username}" (id ${user.id}).`);
