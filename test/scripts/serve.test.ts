import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

async function findFreePortAsync(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts scripts/serve.mjs with `port`; `output` collects what it prints, `exited` resolves with its exit code. */
function startServer(port: string): { server: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], { env: { ...process.env, PORT: port, HOST: '127.0.0.1' } });
  let output = '';
  server.stdout.on('data', (chunk) => (output += String(chunk)));
  server.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  return { server, output: () => output, exited };
}

describe('the dev server of npm start', () => {
  it('serves the playground, the Miro app and panel, names the FigJam manifest, and stops on Ctrl-C', async () => {
    expect(existsSync(join(ROOT, 'dist/playground/index.html')), 'dist/ is missing: the test command builds before testing').toBe(true);
    const port = await findFreePortAsync();
    const { server, output, exited } = startServer(String(port));
    try {
      // The address lines may reach the pipe in chunks after the first: wait for the last of them.
      await expect.poll(output, { timeout: 10_000 }).toContain('CLI:');
      const base = `http://127.0.0.1:${port}`;
      // One line per address, each saying what it is.
      expect(output()).toMatch(new RegExp(`^ +Playground: +${base}/playground/$`, 'm'));
      expect(output()).toMatch(new RegExp(`^ +Miro app URL: +${base}/miro/index\\.html `, 'm'));
      expect(output()).toMatch(new RegExp(`^ +Miro panel: +${base}/miro/panel\\.html$`, 'm'));
      expect(output()).toContain(`FigJam manifest:  ${join(ROOT, 'manifest.json')}`);

      const index = await fetch(`${base}/miro/index.html`);
      expect(index.status).toBe(200);
      const entry = await index.text();
      expect(entry).toContain('index.js');
      // Opened on its own (outside Miro), the entry says what it is and leads to the playground.
      expect(entry).toContain('cjm-board for Miro');
      expect(entry).toContain('href="../playground/"');
      const panel = await fetch(`${base}/miro/panel.html`);
      expect(panel.status).toBe(200);
      expect(panel.headers.get('content-type')).toContain('text/html');

      // The root URL leads to the playground; its script and styles load as a browser resolves them.
      const root = await fetch(`${base}/`, { redirect: 'manual' });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/playground/');
      const playground = await fetch(`${base}/`);
      expect(playground.url).toBe(`${base}/playground/`);
      const html = await playground.text();
      expect(html).toContain('<title>cjm-board playground</title>');
      expect(html).toContain(`data-manifest-path="${join(ROOT, 'manifest.json')}"`);
      const script = await fetch(new URL(/<script src="([^"]+)"/.exec(html)?.[1] ?? 'missing', playground.url));
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('text/javascript');
      const styles = await fetch(new URL(/<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? 'missing', playground.url));
      expect(styles.status).toBe(200);
      expect(styles.headers.get('content-type')).toContain('text/css');

      expect((await fetch(`${base}/miro/nothing-here.js`)).status).toBe(404);
      const escape = await fetch(`${base}/%2e%2e/package.json`);
      expect([400, 404]).toContain(escape.status);
    } finally {
      server.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it('takes any free port with PORT=0, prints it, and stops on SIGTERM with a connection still open', async () => {
    const { server, output, exited } = startServer('0');
    try {
      await expect.poll(output, { timeout: 10_000 }).toMatch(/Playground: +http:\/\/127\.0\.0\.1:\d+\/playground\//);
      const port = Number(/127\.0\.0\.1:(\d+)\/playground\//.exec(output())?.[1]);
      expect(port).toBeGreaterThan(0);
      // A browser keeps its connection open; the server must not wait for it.
      const response = await fetch(`http://127.0.0.1:${port}/playground/`, { headers: { connection: 'keep-alive' } });
      expect(response.status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses a PORT that is not a port number, saying how to set one', async () => {
    const { output, exited } = startServer('web');
    expect(await exited).toBe(1);
    expect(output()).toContain('PORT must be a port number from 0 to 65535, received "web"');
  });
});
