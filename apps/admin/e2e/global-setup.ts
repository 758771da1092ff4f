import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './accounts.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const adminDir = fileURLToPath(new URL('..', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running server, e.g. http://127.0.0.1:41234 */
    sarnakhUrl: string;
    /** Debian's chromium, found with `which chromium`. */
    chromiumPath: string;
  }
}

function findChromium(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Browser tests need Debian\'s chromium: apt-get install -y chromium (.ci/run does this).');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not healthy within 3 minutes:\n${output()}`);
}

/**
 * Build the web app, then start the real server on a free port with a fresh embedded database
 * (whatever DATABASE_URL says) and a first admin; stop it and delete its data after the run.
 * The server runs from its TypeScript sources, as `pnpm dev` does: the same code as `pnpm start`
 * without compiling every package first.
 */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sarnakh-e2e-'));
  // A build of its own, so two runs side by side never serve each other's half-written assets.
  const adminDist = join(dataDir, 'admin-dist');
  execFileSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn', '--outDir', adminDist, '--emptyOutDir'], { cwd: adminDir, stdio: 'inherit' });

  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, ['--conditions=@sarnakh/source', '--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      SARNAKH_DATA_DIR: join(dataDir, 'data'),
      SARNAKH_ADMIN_DIST: adminDist,
      SARNAKH_PUBLIC_URL: url,
      SARNAKH_ADMIN_EMAIL: ADMIN_EMAIL,
      SARNAKH_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SARNAKH_DEMO: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  // A server that dies mid-run fails every later test with ECONNREFUSED: say why, once.
  let stopping = false;
  server.once('exit', (code, signal) => {
    if (!stopping) console.error(`the web app's server exited during the browser tests (${code ?? signal}):\n${log}`);
  });

  try {
    await waitForHealth(url, server, () => log);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('sarnakhUrl', url);
  project.provide('chromiumPath', chromiumPath);

  return async () => {
    stopping = true;
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      // Within vitest's teardown limit: a server that has not stopped by then is killed.
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 6_000))]);
      if (!stopped) {
        server.kill('SIGKILL');
        await exited;
      }
    }
    server.stdout?.destroy();
    server.stderr?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
