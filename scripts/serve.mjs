/**
 * `npm run serve` (and the end of `npm start`): runs the built server under plain Node. The build bundles
 * scripts/start.ts into <build>/start.mjs (astro.config.mjs); BUILD_DIR chooses the build, dist/ by default.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = path.resolve(process.env.BUILD_DIR ?? 'dist', 'start.mjs');
if (!existsSync(entry)) {
  console.error('The platform is not built yet. Run `npm start` (which builds it) or `npm run build` first.');
  process.exit(1);
}
await import(pathToFileURL(entry).href);
