import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { initialJsOf, renderWebApp } from './web-app.js';

const asset = (size: number) => Buffer.from('x'.repeat(size));

describe('the list page initial JavaScript', () => {
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'] },
    '_vendor.js': { file: 'assets/vendor.js' },
    'src/views/LeadsListView.vue': { file: 'assets/list.js', imports: ['index.html', '_table.js'] },
    '_table.js': { file: 'assets/table.js', imports: ['_vendor.js'] },
    'src/views/KanbanView.vue': { file: 'assets/kanban.js', imports: ['index.html'] },
    'styles.css': { file: 'assets/index.css' },
  };
  const sizes: Record<string, number> = { 'assets/index.js': 1000, 'assets/vendor.js': 2000, 'assets/list.js': 300, 'assets/table.js': 400, 'assets/kanban.js': 5000 };

  it('counts the entry, the list view and what they import statically, each once, and nothing else', () => {
    const read: string[] = [];
    const result = initialJsOf(manifest, (file) => {
      read.push(file);
      return asset(sizes[file]!);
    });
    expect(result.files.sort()).toEqual(['assets/index.js', 'assets/list.js', 'assets/table.js', 'assets/vendor.js']);
    expect(result.bytes).toBe(3700);
    const gz = ['assets/index.js', 'assets/vendor.js', 'assets/list.js', 'assets/table.js'].reduce((n, f) => n + gzipSync(asset(sizes[f]!)).length, 0);
    expect(result.gzipBytes).toBe(gz);
    expect(read).not.toContain('assets/kanban.js');
    expect(renderWebApp(result)).toContain('within');
  });

  it('says so when the manifest lacks the entry or the list view', () => {
    expect(() => initialJsOf({ 'x.js': { file: 'x.js' } }, () => asset(1))).toThrow(/no entry chunk/);
    expect(() => initialJsOf({ 'index.html': { file: 'i.js', isEntry: true } }, () => asset(1))).toThrow(/LeadsListView/);
  });
});
