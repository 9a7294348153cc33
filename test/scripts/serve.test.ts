import { spawn } from 'node:child_process';
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

describe('the dev server of npm start', () => {
  it('serves the Miro app and the playground, names the FigJam manifest, and stops on Ctrl-C', async () => {
    expect(existsSync(join(ROOT, 'dist/miro/index.html')), 'dist/ is missing: the test command builds before testing').toBe(true);
    const port = await findFreePortAsync();
    const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' } });
    let output = '';
    server.stdout.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 10_000 }).toContain('Press Ctrl-C');
      const base = `http://127.0.0.1:${port}`;
      expect(output).toContain(`${base}/miro/index.html`);
      expect(output).toContain(join(ROOT, 'manifest.json'));

      const index = await fetch(`${base}/miro/index.html`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('index.js');
      const panel = await fetch(`${base}/miro/panel.html`);
      expect(panel.status).toBe(200);
      expect(panel.headers.get('content-type')).toContain('text/html');
      // The playground at the root URL, and the picture its page refers to, as a browser resolves it.
      const playground = await fetch(`${base}/`);
      expect(playground.status).toBe(200);
      const source = /<img src="([^"]+)"/.exec(await playground.text())?.[1] ?? '';
      const map = await fetch(new URL(source, playground.url));
      expect(map.status).toBe(200);
      expect(map.headers.get('content-type')).toContain('image/svg+xml');
      expect(await map.text()).toMatch(/^<svg /);
      expect((await fetch(`${base}/miro/nothing-here.js`)).status).toBe(404);
      const escape = await fetch(`${base}/%2e%2e/package.json`);
      expect([400, 404]).toContain(escape.status);
    } finally {
      server.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
