/**
 * A small static server for the built site on 127.0.0.1 (an ephemeral port): clean URLs as the
 * site is built (`/guide/events` → `guide/events.html`), and a log of what each page fetched with
 * its gzip size, for the first-view weight.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** One response: its path, raw size and gzip size (woff2 and images are sent as they are). */
interface Served {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface StaticServer {
  readonly url: string;
  readonly log: Served[];
  close(): Promise<void>;
}

function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
  const candidates = clean.endsWith('/')
    ? [join(root, clean, 'index.html')]
    : [join(root, clean), join(root, `${clean}.html`), join(root, clean, 'index.html')];
  return candidates.find((file) => file.startsWith(root) && existsSync(file) && statSync(file).isFile());
}

/** Serves `root` until closed. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const log: Served[] = [];
  const gzipCache = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const file = resolveFile(root, req.url ?? '/');
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'text/html' }).end(readFileSync(join(root, '404.html')));
      return;
    }
    const body = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let gzipBytes = gzipCache.get(file);
    if (gzipBytes === undefined) {
      gzipBytes = /woff2|png/.test(type) ? body.length : gzipSync(body, { level: 9 }).length;
      gzipCache.set(file, gzipBytes);
    }
    log.push({ path: req.url ?? '/', bytes: body.length, gzipBytes });
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
