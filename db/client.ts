import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
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
};

/** The shared connection, opened (and migrated) on first use. */
export function getDb(): Db {
  holder.shared ??= openDatabase(databasePath());
  return holder.shared.db;
}

/** Closes the shared connection, for a clean shutdown. */
export function closeDb(): void {
  holder.shared?.sqlite.close();
  holder.shared = undefined;
}

export { schema };
