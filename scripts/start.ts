/**
 * Starts the built server: the database is created and migrated, a first-run admin link is printed while no
 * admin exists, and the address to open is printed. Run `astro build` first (`npm start` does both).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeDb, databasePath, getDb } from '../db/client';
import { config } from '../src/config';
import { firstAdminLink } from '../src/lib/auth/first-run';

const entry = path.resolve('dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('The platform is not built yet. Run `npm start` (which builds it) or `npm run build` first.');
  process.exit(1);
}

const db = getDb();
console.log(`Database: ${databasePath()} (migrated)`);
const link = firstAdminLink(db, config.publicUrl);
if (link) console.log(`\nNo admin account yet. Create it with this one-time link (valid 24 hours):\n  ${link}\n`);
closeDb();

process.env.PORT = String(config.port);
process.env.HOST = config.host;
await import(pathToFileURL(entry).href);
console.log(`BeST CPD is running at ${config.publicUrl.origin}/ (listening on ${config.host}:${config.port})`);
