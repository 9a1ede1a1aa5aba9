/**
 * Starts the built server: the database is created and migrated, a first-run admin link is printed while no
 * admin exists, and the address to open is printed. Run `astro build` first (`npm start` does both).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeDb, databasePath, databaseReadOnly, getDb } from '../db/client';
import { config } from '../src/config';
import { firstAdminLink } from '../src/lib/auth/first-run';
import { closeGracefully, createPlatformServer } from '../src/server/platform-server';

const buildDir = path.resolve(process.env.BUILD_DIR ?? 'dist');
const entry = path.join(buildDir, 'server/entry.mjs');
if (!existsSync(entry)) {
  console.error('The platform is not built yet. Run `npm start` (which builds it) or `npm run build` first.');
  process.exit(1);
}

let db: ReturnType<typeof getDb>;
try {
  db = getDb();
} catch (error) {
  console.error(`The database at ${databasePath()} cannot be opened: ${(error as Error).message}. Check that the file and its folder can be read and written.`);
  process.exit(1);
}
console.log(`Database: ${databasePath()} (migrated)`);
if (databaseReadOnly()) {
  // Reading still works; each change answers 503 until the file can be written, then the server reopens it.
  console.warn('The database is read-only: pages that only read work, and changes are refused (503) until it can be written again.');
} else {
  const link = firstAdminLink(db, config.publicUrl);
  if (link) console.log(`\nNo admin account yet. Create it with this one-time link (valid 24 hours):\n  ${link}\n`);
}

// React and other libraries pick their slow development builds unless told this is production.
process.env.NODE_ENV ??= 'production';
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: Parameters<typeof createPlatformServer>[0] };
const server = createPlatformServer(handler, path.join(buildDir, 'client'));
server.listen(config.port, config.host, () => {
  console.log(`BeST CPD is running at ${config.publicUrl.origin}/ (listening on ${config.host}:${config.port})`);
});

// Finish requests in flight, then close the database, so a stop never cuts a write short.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void closeGracefully(server).then(() => {
      closeDb();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}
