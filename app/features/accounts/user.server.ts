import { asc, eq, sql } from "drizzle-orm";
import { first, type Db } from "~db/client.server";
import { divisions, users, type Role } from "~db/schema";
import { appendAudit } from "~/platform/audit.server";
import { hashPassword } from "~/platform/password.server";

export type User = typeof users.$inferSelect;
type Actor = { id: number; label: string } | null;

export function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return first(
    db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = ${username.trim().toLowerCase()}`)
      .limit(1)
  );
}

export function getUser(db: Db, id: number): Promise<User | undefined> {
  return first(db.select().from(users).where(eq(users.id, id)).limit(1));
}

export function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      active: users.active,
      divisionName: divisions.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(divisions, eq(divisions.id, users.divisionId))
    .orderBy(asc(users.username));
}

export function listDivisions(db: Db) {
  return db.select().from(divisions).orderBy(asc(divisions.id));
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  role: Role;
  divisionId?: number | null;
  password: string;
}

/** Auditable snapshot of a user: never the password hash. */
const snapshot = (u: Pick<User, "username" | "displayName" | "email" | "role" | "divisionId" | "active">) => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  role: u.role,
  divisionId: u.divisionId,
  active: u.active,
});

export async function createUser(db: Db, input: NewUser, actor: Actor): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = (
      await tx
        .insert(users)
        .values({
          username: input.username.trim(),
          displayName: input.displayName.trim(),
          email: input.email || null,
          role: input.role,
          divisionId: input.divisionId ?? null,
          passwordHash,
          passwordChangedAt: new Date(),
        })
        .returning()
    )[0];
    await appendAudit(tx, { actor, action: "user.create", entityType: "user", entityId: user.id, after: snapshot(user) });
    return user;
  });
}

export function updateUser(
  db: Db,
  id: number,
  changes: Partial<Pick<User, "displayName" | "email" | "role" | "divisionId" | "active">>,
  actor: Actor
): Promise<User> {
  return db.transaction(async (tx) => {
    const before = (await tx.select().from(users).where(eq(users.id, id)).limit(1))[0];
    if (!before) throw new Error(`user ${id} not found`);
    const after = (await tx.update(users).set(changes).where(eq(users.id, id)).returning())[0];
    await appendAudit(tx, {
      actor,
      action: "user.update",
      entityType: "user",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function setPassword(db: Db, id: number, password: string, actor: Actor): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, id));
    await appendAudit(tx, { actor, action: "user.password_reset", entityType: "user", entityId: id });
  });
}
