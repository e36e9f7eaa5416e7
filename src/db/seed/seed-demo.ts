/** Seeds the demo province into an empty database (first `npm start`). */
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../client.js';
import { demoGorontalo } from './demo-gorontalo.js';
import { insertOrgPlan } from './insert-org.js';

export async function seedDemo(db: Db, password: string) {
  const passwordHash = await hash(password);
  return db.transaction((tx) => insertOrgPlan(tx, demoGorontalo().plan, { passwordHash }));
}

export async function seedDemoIfEmpty(db: Db, password: string): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM instansi`);
  if (row!.n > 0) return false;
  await seedDemo(db, password);
  return true;
}
