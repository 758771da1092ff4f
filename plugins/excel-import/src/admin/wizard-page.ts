import { defineComponent, h, onBeforeUnmount, onMounted, ref, type VNode } from 'vue';
import { call, errorsUrl, locale, uploadFile, type Preview, type Progress, type Upload } from './api.js';
import { labels } from './labels.js';

type Policy = 'skip' | 'update' | 'create';
interface Preset {
  id: string;
  name: string;
  mapping: { column: number; field: string }[];
}

const valueOf = (e: Event) => (e.target as unknown as { value: string }).value;

/** A progress bar with the counts beside it, for a running or finished import. */
export function progressView(p: Progress, text: (typeof labels)['en']): VNode {
  const percent = p.total === 0 ? 100 : Math.floor((100 * p.processed) / p.total);
  return h('div', { class: 'excel-import-progress' }, [
    h('p', `${text.status[p.status]} — ${p.processed.toLocaleString()} / ${p.total.toLocaleString()}`),
    h('progress', { max: 100, value: percent }),
    h('ul', [
      h('li', `${text.created}: ${p.created.toLocaleString()}`),
      h('li', `${text.updated}: ${p.updated.toLocaleString()}`),
      h('li', `${text.skipped}: ${p.skipped.toLocaleString()}`),
      h('li', `${text.failed}: ${p.failed.toLocaleString()}`),
    ]),
    p.error ? h('p', { class: 'text-error', role: 'alert' }, p.error) : null,
  ]);
}

/**
 * The import wizard: upload (with progress) → the mapping table with suggestions and sample
 * values, the duplicate policy and defaults → a dry run's summary → the import with a live
 * progress bar → the result, the error workbook and revert.
 */
export default defineComponent({
  name: 'ExcelImportWizard',
  setup() {
    const text = labels[locale()];
    const error = ref<string | null>(null);
    const sent = ref<number | null>(null);
    const upload = ref<Upload | null>(null);
    const fields = ref<string[]>([]);
    const mapping = ref<string[]>([]);
    const policy = ref<Policy>('skip');
    const source = ref('');
    const stage = ref('');
    const presets = ref<Preset[]>([]);
    const preview = ref<Preview | null>(null);
    const progress = ref<Progress | null>(null);
    let timer: ReturnType<typeof setInterval> | undefined;

    const attempt = async (work: () => Promise<void>) => {
      try {
        error.value = null;
        await work();
      } catch (e) {
        error.value = e instanceof Error ? e.message : String(e);
      }
    };
    const chosen = () => mapping.value.flatMap((field, column) => (field ? [{ column, field }] : []));
    const runInput = () => ({
      uploadId: upload.value!.uploadId,
      mapping: chosen(),
      duplicatePolicy: policy.value,
      defaults: { source: source.value || null, stage: stage.value || null },
    });

    onMounted(() =>
      attempt(async () => {
        // Built-in fields, then the admin's custom fields as `custom.<key>`.
        const custom = await call<{ key: string }[]>('fields.list', {}).catch(() => []);
        fields.value = [...(await call<string[]>('excelImport.fields')), ...custom.map((f) => `custom.${f.key}`)];
        presets.value = await call<Preset[]>('excelImport.presets.list');
      }),
    );
    onBeforeUnmount(() => clearInterval(timer));

    const onFile = (e: Event) => {
      const file = (e.target as unknown as { files?: File[] }).files?.[0];
      if (!file) return;
      void attempt(async () => {
        sent.value = 0;
        const u = await uploadFile(file, (f) => (sent.value = f));
        upload.value = u;
        mapping.value = u.headers.map((_h, column) => u.suggestedMapping.find((m) => m.column === column)?.field ?? '');
        preview.value = null;
      });
    };
    const applyPreset = (id: string) => {
      const preset = presets.value.find((p) => p.id === id);
      if (preset && upload.value) mapping.value = upload.value.headers.map((_h, column) => preset.mapping.find((m) => m.column === column)?.field ?? '');
    };
    const savePreset = () =>
      attempt(async () => {
        const name = (globalThis as { prompt?: (message: string) => string | null }).prompt?.(text.savePreset)?.trim();
        if (!name) return;
        await call('excelImport.presets.save', { name, mapping: chosen() }, 'mutation');
        presets.value = await call<Preset[]>('excelImport.presets.list');
      });
    const poll = async (jobId: string) => {
      progress.value = await call<Progress>('excelImport.get', { jobId });
      if (progress.value.status !== 'queued' && progress.value.status !== 'running') clearInterval(timer);
    };
    const start = () =>
      attempt(async () => {
        const { jobId } = await call<{ jobId: string }>('excelImport.start', runInput(), 'mutation');
        await poll(jobId);
        timer = setInterval(() => void attempt(() => poll(jobId)), 1000);
      });
    const reset = () => {
      clearInterval(timer);
      upload.value = null;
      preview.value = null;
      progress.value = null;
      sent.value = null;
    };

    const select = (value: string, options: [string, string][], onChange: (v: string) => void) =>
      h('select', { value, onChange: (e: Event) => onChange(valueOf(e)) }, options.map(([v, label]) => h('option', { value: v }, label)));

    const uploadStep = () =>
      h('div', [
        h('label', [text.choose, ' ', h('input', { type: 'file', accept: '.xlsx,.csv', onChange: onFile })]),
        sent.value === null ? null : h('p', [`${text.uploading} `, h('progress', { max: 1, value: sent.value })]),
      ]);

    const mappingStep = (u: Upload) =>
      h('div', [
        h('p', [h('bdi', u.fileName), ` — ${u.rowCount.toLocaleString()} ${text.rows}`]),
        presets.value.length > 0
          ? h('label', [text.preset, ' ', select('', [['', '—'], ...presets.value.map((p): [string, string] => [p.id, p.name])], applyPreset)])
          : null,
        h('table', { class: 'excel-import-mapping' }, [
          h('thead', h('tr', [text.column, text.samples, text.field].map((l) => h('th', l)))),
          h(
            'tbody',
            u.headers.map((header, column) =>
              h('tr', { key: column }, [
                h('td', h('bdi', header)),
                h('td', u.sampleRows.map((r) => h('div', h('bdi', r[column] ?? '')))),
                h('td', select(mapping.value[column] ?? '', [['', text.ignore], ...fields.value.map((f): [string, string] => [f, f])], (v) => (mapping.value[column] = v))),
              ]),
            ),
          ),
        ]),
        h('button', { type: 'button', onClick: savePreset }, text.savePreset),
        h('label', [text.policy, ' ', select(policy.value, [['skip', text.skip], ['update', text.update], ['create', text.create]], (v) => (policy.value = v as Policy))]),
        h('label', [text.source, ' ', h('input', { value: source.value, onInput: (e: Event) => (source.value = valueOf(e)) })]),
        h('label', [text.stage, ' ', h('input', { value: stage.value, onInput: (e: Event) => (stage.value = valueOf(e)) })]),
        h('div', [
          h('button', { type: 'button', onClick: () => attempt(async () => void (preview.value = await call<Preview>('excelImport.preview', runInput(), 'mutation'))) }, text.dryRun),
          h('button', { type: 'button', onClick: start }, text.start),
        ]),
        preview.value ? previewView(preview.value) : null,
      ]);

    const previewView = (p: Preview) =>
      h('div', { class: 'excel-import-preview' }, [
        h('ul', [
          h('li', `${text.new}: ${p.new.toLocaleString()}`),
          h('li', `${text.inFile}: ${p.duplicates.inFile.toLocaleString()}`),
          h('li', `${text.inDatabase}: ${p.duplicates.inDatabase.toLocaleString()}`),
          h('li', `${text.invalid}: ${p.invalid.toLocaleString()}`),
        ]),
        p.errors.length > 0
          ? h('table', [
              h('thead', h('tr', [h('th', text.row), h('th', text.field)])),
              h('tbody', p.errors.map((e) => h('tr', { key: e.row }, [h('td', String(e.row)), h('td', e.errors.map((f) => h('div', `${f.field}: ${f.message}`)))]))),
            ])
          : null,
      ]);

    const resultStep = (p: Progress) =>
      h('div', [
        progressView(p, text),
        p.status === 'queued' || p.status === 'running'
          ? h('button', { type: 'button', onClick: () => attempt(async () => void (progress.value = await call<Progress>('excelImport.cancel', { jobId: p.jobId }, 'mutation'))) }, text.cancel)
          : h('div', [
              p.failed > 0 ? h('a', { href: errorsUrl(p.jobId), download: '' }, text.errors) : null,
              p.revertResult
                ? h('p', `${text.reverted}: −${p.revertResult.deleted} / ↺${p.revertResult.restored} / =${p.revertResult.kept}`)
                : h('button', { type: 'button', onClick: () => attempt(async () => { await call('excelImport.revert', { jobId: p.jobId }, 'mutation'); await poll(p.jobId); }) }, text.revert),
              h('button', { type: 'button', onClick: reset }, text.again),
            ]),
      ]);

    return () =>
      h('section', { class: 'excel-import-wizard' }, [
        error.value ? h('p', { class: 'text-error', role: 'alert', style: 'white-space: pre-line' }, error.value) : null,
        progress.value ? resultStep(progress.value) : upload.value ? mappingStep(upload.value) : uploadStep(),
      ]);
  },
});
