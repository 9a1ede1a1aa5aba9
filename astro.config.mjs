// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import node from '@astrojs/node';
import { build } from 'esbuild';
import remarkStepLinks from './src/lib/content/remark-step-links.ts';

const port = Number(process.env.PORT ?? 4321);
const outDir = process.env.BUILD_DIR ?? './dist';

/**
 * Bundles scripts/start.ts (the HTTP server, migrations, shutdown) into <outDir>/start.mjs, so production runs
 * under plain Node: under tsx every import() Astro makes per request went through tsx's loader, about a quarter of a
 * step page's time. Packages stay external, loaded from node_modules as usual.
 */
const serverEntry = {
  name: 'best-cpd-server-entry',
  hooks: {
    'astro:build:done': async () => {
      await build({ entryPoints: ['scripts/start.ts'], outfile: `${outDir}/start.mjs`, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
    },
  },
};
const publicUrl = new URL(process.env.PUBLIC_URL ?? `http://localhost:${port}`);

export default defineConfig({
  output: 'server',
  // BUILD_DIR lets parallel test runs build side by side; scripts/start.ts reads the same variable.
  outDir,
  // Middleware mode: scripts/start.ts runs the HTTP server, serving built assets from a list made once at start
  // instead of the standalone server's file-system lookup on every request.
  adapter: node({ mode: 'middleware', experimentalDisableStreaming: true }),
  integrations: [mdx({ remarkPlugins: [remarkStepLinks] }), react(), serverEntry],
  site: publicUrl.origin,
  server: { port, host: process.env.HOST ?? 'localhost' },
  // Cross-site POSTs are refused by our own middleware (src/lib/http/origin.ts), which also covers JSON requests.
  security: { checkOrigin: false, allowedDomains: [{ hostname: publicUrl.hostname }] },
  // Hashes Astro's own scripts and styles (islands included) into a CSP meta tag: no 'unsafe-inline'.
  // frame-ancestors only works as a header, so src/lib/http/headers.ts sends the document-level directives.
  experimental: {
    csp: { directives: ["default-src 'self'", "img-src 'self' data:", "media-src 'self'", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"] },
  },
  devToolbar: { enabled: false },
  // Styles and scripts go out as files, never inline: Astro would otherwise hash every inline one for the CSP
  // on every request (a tenth of a step page's time), and files are cached by the browser across pages.
  build: { inlineStylesheets: 'never' },
  vite: {
    build: { assetsInlineLimit: 0, cssCodeSplit: false },
    ssr: { external: ['better-sqlite3', '@node-rs/argon2'] },
  },
});
