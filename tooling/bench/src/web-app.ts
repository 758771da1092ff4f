import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The budget for the list page's first load. */
export const INITIAL_JS_BUDGET = 300 * 1024;

const ADMIN_DIR = fileURLToPath(new URL('../../../apps/admin', import.meta.url));
const LIST_VIEW = 'src/views/LeadsListView.vue';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface InitialJs {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript a browser fetches to show the leads list on a cold load: the entry chunk, the
 * list view's chunk and every chunk they import statically (lazy imports are left out: they load
 * only when another page opens). Sizes gzipped as a server would send them.
 */
export function initialJsOf(manifest: Manifest, readAsset: (file: string) => Buffer, view = LIST_VIEW): InitialJs {
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('the web app manifest has no entry chunk');
  if (!manifest[view]) throw new Error(`the web app manifest has no chunk for ${view}`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the web app manifest names a missing chunk ${key}`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  visit(view);
  const files = [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readAsset(file);
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { files, bytes, gzipBytes };
}

/** Build the web app (a fresh build measures what is in the tree now) and measure it. */
export function measureWebApp(log: (line: string) => void): InitialJs {
  log('building apps/admin for its size…');
  execFileSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], { cwd: ADMIN_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  const dist = join(ADMIN_DIR, 'dist');
  const manifestFile = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`no ${manifestFile}: is build.manifest on in apps/admin/vite.config.ts?`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  return initialJsOf(manifest, (file) => readFileSync(join(dist, file)));
}

export function renderWebApp(result: InitialJs): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const verdict = result.gzipBytes <= INITIAL_JS_BUDGET ? 'within' : 'OVER';
  return [
    '| web app | measured | budget | |',
    '| --- | --- | --- | --- |',
    `| leads list, initial JS (gzip; ${result.files.length} files, ${kb(result.bytes)} raw) | ${kb(result.gzipBytes)} | ${kb(INITIAL_JS_BUDGET)} | ${verdict} |`,
  ].join('\n');
}
