import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

/** A connection or a transaction: db/ functions take either, so callers can group them in one transaction. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

const root = () => process.env.APP_ROOT ?? process.cwd();

/** Where the data file lives: DATABASE_PATH, or db/data/platform.db under the project. */
export function databasePath(): string {
  return process.env.DATABASE_PATH ?? path.join(root(), 'db/data/platform.db');
}

/** Opens a database file with the settings every connection needs, and brings its schema up to date. */
export function openDatabase(file: string): { db: Db; sqlite: Database.Database } {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL keeps every committed write through a crash of the process (only power loss can undo
  // the latest commits), at a fraction of FULL's fsync cost.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(root(), 'db/migrations') });
  return { db, sqlite };
}

/**
 * The process's one connection. It lives on globalThis because the built server bundles its own copy of this
 * module beside the one scripts/start.ts loads: both must share, so a shutdown closes the connection in use.
 */
const holder = ((globalThis as Record<symbol, unknown>)[Symbol.for('best-cpd.database')] ??= {}) as {
  shared?: { db: Db; sqlite: Database.Database };
  /** Set when the file could not be written (a read-only file or mount): writes then try a fresh connection. */
  readOnly?: boolean;
  lastReopenTry?: number;
};

/** Whether the process may write the file and its folder (where SQLite keeps its -wal and -shm files). */
function writable(file: string): boolean {
  if (file === ':memory:') return true;
  try {
    accessSync(path.dirname(path.resolve(file)), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The shared connection, opened (and migrated) on first use. */
export function getDb(): Db {
  if (!holder.shared) {
    holder.shared = openDatabase(databasePath());
    // SQLite opens a file it cannot write read-only without a word; note it, so writes can try again later.
    holder.readOnly = !writable(databasePath());
  }
  return holder.shared.db;
}

/** Whether the shared connection is known to be unable to write. */
export function databaseReadOnly(): boolean {
  getDb();
  return holder.readOnly === true;
}

/** Records that a write was refused because the store is read-only, so the next write reopens the file. */
export function noteReadOnly(): void {
  holder.readOnly = true;
}

/** How often a write may try to reopen a read-only database, so a burst of writes does not reopen it each time. */
const reopenEveryMs = 1000;

/**
 * Before a write: if the database was read-only and the file can be written again, open a fresh connection, since
 * one opened read-only stays so. The old connection closes a little later, as a request may still hold it.
 */
export function reopenIfWritableAgain(now = Date.now()): void {
  if (!holder.shared || !holder.readOnly || now - (holder.lastReopenTry ?? 0) < reopenEveryMs) return;
  holder.lastReopenTry = now;
  if (!writable(databasePath())) return;
  const old = holder.shared;
  holder.shared = openDatabase(databasePath());
  holder.readOnly = false;
  setTimeout(() => old.sqlite.close(), 10_000).unref();
}

/** Closes the shared connection, for a clean shutdown. */
export function closeDb(): void {
  holder.shared?.sqlite.close();
  holder.shared = undefined;
}

export { schema };
