import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
};

/** A static file server on an ephemeral localhost port, plus extra in-memory pages. */
export interface StaticServer {
  url: string;
  closeAsync(): Promise<void>;
}

/** Serves `root` and `pages` (path → [content type, body]) on 127.0.0.1. */
export async function startStaticServerAsync(root: string, pages: Record<string, [string, string]> = {}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const page = pages[path];
    if (page) {
      response.writeHead(200, { 'content-type': page[0] }).end(page[1]);
      return;
    }
    const file = normalize(join(root, path));
    if (relative(root, file).startsWith('..')) {
      response.writeHead(400).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    closeAsync: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
