import { createReadStream, readdirSync, statSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { contentTypeFor } from '../lib/content/media-types';
import { securityHeaders } from '../lib/http/headers';
import { fastLane } from './fast-lane';

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void> | void;

/** Every file under the built client folder, by URL path, listed once at start. */
export function listStaticFiles(clientDir: string): Map<string, { file: string; size: number }> {
  const files = new Map<string, { file: string; size: number }>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else files.set(`/${path.relative(clientDir, file).split(path.sep).join('/')}`, { file, size: statSync(file).size });
    }
  };
  walk(clientDir);
  return files;
}

const closing = new WeakSet<http.Server>();

/**
 * Closes the server without cutting a request short, and resolves once every connection has ended. For a grace
 * period it still answers, each answer closing its connection; then it stops listening and cuts idle connections.
 * (Node's own close() stops listening and cuts idle keep-alive connections at once, so a request on its way just
 * then, on a connection not yet accepted or not yet read, was reset.)
 */
export function closeGracefully(server: http.Server, graceMs = 1000): Promise<void> {
  closing.add(server);
  return new Promise<void>((resolve) => {
    setTimeout(() => {
      net.Server.prototype.close.call(server, () => resolve());
      server.closeIdleConnections();
    }, graceMs);
  });
}

/** The HTTP server: built assets straight from disk, the fast lane's requests (./fast-lane.ts), the rest through Astro. */
export function createPlatformServer(astro: AstroHandler, clientDir: string): http.Server {
  const assets = listStaticFiles(clientDir);
  const dynamic = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (await fastLane()?.(req, res)) return;
    } catch (error) {
      // A bug in the lane: logged, and a plain 500 with no detail, as Astro answers one.
      console.error(`Error answering ${req.method} ${(req.url ?? '').split('?')[0]}:`, error);
      if (!res.headersSent) res.writeHead(500, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Something went wrong on our side. Please try again.');
      return;
    }
    await astro(req, res);
  };
  const server = http.createServer((req, res) => {
    // Once closing, every answer tells the client to close its connection, so none is left to be cut.
    if (closing.has(server)) res.shouldKeepAlive = false;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const asset = req.method === 'GET' || req.method === 'HEAD' ? assets.get(pathname) : undefined;
    if (!asset) {
      void dynamic(req, res);
      return;
    }
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': contentTypeFor(asset.file),
      'Content-Length': asset.size,
      // Astro fingerprints what it builds into /_astro/, so those never change under the same name.
      'Cache-Control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A file replaced under a running server (a rebuild) must fail this one answer, not the process.
    createReadStream(asset.file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  return server;
}
