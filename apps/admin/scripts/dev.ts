// `pnpm dev`: the API server (tsx watch, from the workspace's TypeScript sources) and Vite's dev
// server for this app (hot reload, proxying /trpc and /api to the server), in one terminal.
// Either one stopping stops the other; Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const port = process.env.PORT ?? '3000';
const vitePort = process.env.SARNAKH_ADMIN_DEV_PORT ?? '5173';

const processes = [
  spawn(process.execPath, ['--conditions=@sarnakh/source', '--import', 'tsx', '--watch', 'apps/server/src/main.ts'], {
    cwd: root,
    // Links the server prints (the first-admin setup page) should open the hot-reloading app.
    env: { ...process.env, PORT: port, SARNAKH_PUBLIC_URL: process.env.SARNAKH_PUBLIC_URL ?? `http://localhost:${vitePort}` },
    stdio: 'inherit',
  }),
  spawn('pnpm', ['exec', 'vite', '--port', vitePort, '--strictPort'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, SARNAKH_API_URL: `http://localhost:${port}` },
    stdio: 'inherit',
  }),
];

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of processes) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of processes) child.on('exit', (code) => stopAll(code ?? 1));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
console.log(`\n  Sarnakh web app (hot reload): http://localhost:${vitePort}  ·  API: http://localhost:${port}\n`);
