/**
 * `npm run db:backup -- <file>`: a consistent copy of the database at DATABASE_PATH (db/data/platform.db by
 * default), taken with SQLite's online backup while the server keeps running and writing. How to restore it:
 * docs/operations.md.
 */
import Database from 'better-sqlite3';
import { count } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { databasePath } from '../db/client';
import { certificates, enrolments, stepCompletions, users } from '../db/schema';

const target = process.argv.slice(2).find((arg) => arg !== '--');
if (!target) {
  console.error('Usage: npm run db:backup -- <file>   (for example: npm run db:backup -- backups/platform-2025-03-01.db)');
  process.exit(1);
}
const source = path.resolve(databasePath());
const destination = path.resolve(target);
if (!existsSync(source)) {
  console.error(`There is no database at ${source}. Set DATABASE_PATH to the one the server uses.`);
  process.exit(1);
}
if (destination === source) {
  console.error('The backup must go to another file than the live database.');
  process.exit(1);
}
if (existsSync(destination)) {
  console.error(`${destination} already exists: choose a new file name, so no backup is overwritten by mistake.`);
  process.exit(1);
}

// No migrations and no writes: the server owns the schema. The backup waits out the server's write locks.
const live = new Database(source, { fileMustExist: true });
live.pragma('busy_timeout = 10000');
// Written under a temporary name and renamed when complete, so a half-made backup never looks like a real one.
const partial = `${destination}.partial`;
rmSync(partial, { force: true });
mkdirSync(path.dirname(destination), { recursive: true });
try {
  const started = Date.now();
  // All pages in one step, inside one read transaction: in steps, every write the server made in between would
  // restart the copy, which under steady load might never finish. In WAL mode the server keeps writing meanwhile.
  await live.backup(partial, { progress: () => 0x7fffffff });
  const copy = new Database(partial);
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
    // A single file to restore from: no -wal beside it.
    copy.pragma('journal_mode = DELETE');
    const db = drizzle(copy);
    const counts = Object.entries({ users, enrolments, 'completed steps': stepCompletions, certificates }).map(
      ([name, table]) => `${db.select({ n: count() }).from(table).get()?.n ?? 0} ${name}`,
    );
    console.log(`Backed up ${source} to ${destination} in ${Date.now() - started} ms: ${counts.join(', ')}.`);
  } finally {
    copy.close();
  }
  renameSync(partial, destination);
} catch (error) {
  rmSync(partial, { force: true });
  console.error(`The backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  live.close();
}
