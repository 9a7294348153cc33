import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** A static file server on an ephemeral localhost port, plus extra in-memory pages. */
export interface StaticServer {
  url: string;
  closeAsync(): Promise<void>;
}

/**
 * Serves `root` and `pages` (path → [content type, body]) on 127.0.0.1.
 * `base` is the URL path `root` is served under, as a site on a sub-path
 * (`/cjm-board/`): a request outside it is answered 404. Default `/`.
 */
export async function startStaticServerAsync(root: string, pages: Record<string, [string, string]> = {}, { base = '/' }: { base?: string } = {}): Promise<StaticServer> {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/", received "${base}"`);
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const page = pages[path];
    if (page) {
      response.writeHead(200, { 'content-type': page[0] }).end(page[1]);
      return;
    }
    if (!path.startsWith(base)) {
      response.writeHead(404).end('not found');
      return;
    }
    const file = normalize(join(root, path.slice(base.length)));
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
