import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Target } from './targets.js';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
}

export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** The installed PGlite's version, read from its package.json (which it does not export). */
function pgliteVersion(): string {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    while (dir !== path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === '@electric-sql/pglite') return pkg.version ?? '?';
      } catch {
        // not here: one folder up
      }
      dir = path.dirname(dir);
    }
  } catch {
    // fall through
  }
  return '?';
}

/** `PostgreSQL 15.20`, or for the embedded database `PGlite 0.5.16 (PostgreSQL 17.5)`. */
export async function serverVersion(target: Target): Promise<string> {
  const [row] = await target.query<{ server_version: string }>('show server_version');
  const version = (row?.server_version ?? '?').split(' ')[0];
  return target.kind === 'embedded' ? `PGlite ${pgliteVersion()} (PostgreSQL ${version})` : `PostgreSQL ${version}`;
}
