// Serves dist/ on localhost for the Miro app (developer mode loads the app
// from this URL) and the playground. Port from PORT, default 3000; PORT=0
// takes any free port (the lines printed on start name it). Stops on
// Ctrl-C (SIGINT) and SIGTERM.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number from 0 to 65535, received "${process.env.PORT}". Run for example: PORT=3001 npm start`);
  process.exit(1);
}
const host = process.env.HOST ?? 'localhost';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** Maps a URL path to a file inside dist/, or undefined if it would leave it. */
function resolveFile(urlPath) {
  let path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  if (path === '/playground' || path === '/playground/') path = '/playground/index.html';
  else if (path === '/miro' || path === '/miro/') path = '/miro/index.html';
  const file = normalize(join(dist, path));
  const inside = relative(dist, file);
  if (inside.startsWith('..') || inside.split(sep).includes('..')) return undefined;
  return file;
}

const server = createServer(async (request, response) => {
  // The playground's page refers to its files relative to /playground/.
  if ((request.url ?? '/').split('?')[0] === '/') {
    response.writeHead(302, { location: '/playground/' }).end();
    return;
  }
  let file;
  try {
    file = resolveFile(request.url ?? '/');
  } catch {
    file = undefined;
  }
  if (!file) {
    response.writeHead(400).end('bad path');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${request.url}\nRun "npm run build" if dist/ is missing.`);
  }
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') console.error(`Port ${port} is in use. Stop the other server or run: PORT=3001 npm start`);
  else console.error(error.message);
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address();
  const base = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  console.log('cjm-board is running. Press Ctrl-C to stop.');
  console.log(`  Playground:       ${base}/playground/`);
  console.log(`  Miro app URL:     ${base}/miro/index.html   (Miro developer settings: app URL, or paste app-manifest.yaml)`);
  console.log(`  Miro panel:       ${base}/miro/panel.html`);
  console.log(`  FigJam manifest:  ${join(root, 'manifest.json')}   (FigJam: Plugins > Development > Import plugin from manifest)`);
  console.log(`  CLI:              node dist/cli.js render examples/online-store.json -o map.svg`);
});

let stopping = false;
/** Stops serving: open connections (a browser's keep-alive ones) are closed too, so the process ends at once. */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`Stopping (${signal}).`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
