// Makes a fresh clone ready for `npm start` and `npm test`, so those are the
// only commands a person types:
//
//   node scripts/setup.mjs start   dependencies
//   node scripts/setup.mjs test    dependencies, and Debian's Chromium for the browser tests
//
// Dependencies: `npm ci` when node_modules is missing or does not match
// package-lock.json (npm keeps what it installed in
// node_modules/.package-lock.json, the "hidden lockfile";
// https://docs.npmjs.com/cli/configuring-npm/package-lock-json#hidden-lockfiles).
// Chromium: installed through apt when it is missing and this user may
// install packages (root, or sudo without a password); otherwise one line
// says the command to run. Uses Node's own modules only: it runs before
// anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] === 'test' ? 'test' : 'start';

// Debian's packages the browser tests use: the browser, and fonts for emoji and Cyrillic text in pictures.
const BROWSER_PACKAGES = ['chromium', 'fonts-noto-color-emoji', 'fonts-dejavu-core'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';

const say = (line) => process.stderr.write(`cjm-board setup: ${line}\n`);

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    say(`Node.js ${process.versions.node} is too old; cjm-board needs Node.js 20 or newer (https://nodejs.org).`);
    process.exit(1);
  }
}

/** Whether node_modules holds exactly what package-lock.json asks for. */
export function isInstalled(lockText, hiddenText) {
  if (hiddenText === undefined) return false;
  let lock;
  let hidden;
  try {
    lock = JSON.parse(lockText);
    hidden = JSON.parse(hiddenText);
  } catch {
    return false;
  }
  const wanted = lock.packages ?? {};
  const installed = hidden.packages ?? {};
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '') continue;
    const present = installed[path];
    // Optional packages for other platforms (esbuild's binaries) are never installed here.
    if (!present) {
      if (entry.optional) continue;
      return false;
    }
    if (present.version !== entry.version) return false;
  }
  return Object.keys(installed).every((path) => path in wanted);
}

function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const hidden = join(root, 'node_modules', '.package-lock.json');
  if (isInstalled(readFileSync(lock, 'utf8'), existsSync(hidden) ? readFileSync(hidden, 'utf8') : undefined)) return;
  say(existsSync(join(root, 'node_modules')) ? 'node_modules does not match package-lock.json: running npm ci' : 'installing dependencies: npm ci');
  const npm = process.env.npm_execpath;
  const result = npm ? spawnSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' }) : spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    say('npm ci failed (see above); fix that and run the command again.');
    process.exit(result.status ?? 1);
  }
}

const commandExists = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** How this user may run apt-get: directly as root, through sudo without a password, or not at all. */
function findInstaller() {
  if (process.platform !== 'linux' || !commandExists('apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  if (commandExists('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

function ensureBrowser() {
  const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(existsSync(EMOJI_FONT) ? [] : ['fonts-noto-color-emoji', 'fonts-dejavu-core'])];
  if (missing.length === 0) return;
  // A browser of its own (CHROMIUM_PATH) brings its own fonts.
  if (process.env.CHROMIUM_PATH && existsSync(CHROMIUM)) return;
  const installer = findInstaller();
  if (!installer) {
    if (!existsSync(CHROMIUM)) {
      say(`the browser tests need Debian's Chromium at ${CHROMIUM}: run "sudo apt-get install -y ${BROWSER_PACKAGES.join(' ')}" (or set CHROMIUM_PATH), then npm test again.`);
      process.exit(1);
    }
    say(`pictures may lack emoji: "sudo apt-get install -y fonts-noto-color-emoji fonts-dejavu-core" installs the fonts the tests expect.`);
    return;
  }
  say(`installing ${missing.join(', ')} with apt-get`);
  const run = (args) => {
    const [command, ...rest] = [...installer, 'apt-get', ...args];
    execFileSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  try {
    run(['update', '-qq']);
    run(['install', '-y', '-qq', '--no-install-recommends', ...new Set(missing)]);
  } catch {
    say(`apt-get could not install ${missing.join(', ')}; run "sudo apt-get install -y ${BROWSER_PACKAGES.join(' ')}" and npm test again.`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  checkNode();
  ensureDependencies();
  if (purpose === 'test') ensureBrowser();
}
