import { callProcedure, errorMessage, fieldErrors, formatNumber, ProcedureError } from '@sarnakh/plugin-sdk/admin';
import { computed, defineComponent, h, onBeforeUnmount, onMounted, ref } from 'vue';
import { VAlert, VBtn, VCard, VCardText, VChip, VFileInput, VDivider, VProgressLinear, VSelect, VStepper, VStepperHeader, VStepperItem, VTextField } from 'vuetify/components';
import { errorsUrl, isRunning, uploadFile, type MappableField, type PicklistChoice, type Preset, type Preview, type Progress, type Upload } from './api.js';
import { locale, text } from './labels.js';
import { mappingTable, previewSummary } from './mapping-view.js';
import { progressView } from './progress-view.js';

type Policy = 'skip' | 'update' | 'create';

/** How often a running import is asked for its progress. */
const POLL_MS = 1000;

/**
 * The import wizard in three steps: upload (with progress) → the mapping table with suggestions and
 * sample values, the duplicate policy and defaults, and a dry run's summary → the import with a
 * live progress bar, then the result, the error workbook and revert.
 */
export default defineComponent({
  name: 'ExcelImportWizard',
  setup() {
    const error = ref<string | null>(null);
    /** Problems by input: `file`, `duplicatePolicy`, `defaults.source`, `presetName`, `column.<n>`. */
    const problems = ref<Record<string, string[]>>({});
    const sent = ref<number | null>(null);
    const upload = ref<Upload | null>(null);
    const fields = ref<MappableField[]>([]);
    const mapping = ref<string[]>([]);
    const policy = ref<Policy>('skip');
    const source = ref<string | null>(null);
    const stage = ref<string | null>(null);
    const picklists = ref<{ source: PicklistChoice[]; stage: PicklistChoice[] }>({ source: [], stage: [] });
    const presets = ref<Preset[]>([]);
    const presetName = ref('');
    const presetSaved = ref(false);
    const preview = ref<Preview | null>(null);
    const progress = ref<Progress | null>(null);
    const busy = ref(false);
    let timer: ReturnType<typeof setInterval> | undefined;

    const step = computed(() => (progress.value ? 3 : upload.value ? 2 : 1));
    const chosen = () => mapping.value.flatMap((field, column) => (field ? [{ column, field }] : []));
    const runInput = () => ({
      uploadId: upload.value!.uploadId,
      mapping: chosen(),
      duplicatePolicy: policy.value,
      defaults: { source: source.value || null, stage: stage.value || null },
    });

    /** The server's objections on their inputs (`mapping.<i>` is the i-th chosen column); the rest in the alert. */
    const place = (e: unknown, known: string[]) => {
      const columns = chosen().map((m) => m.column);
      const mappingFields = columns.flatMap((_c, i) => [`mapping.${i}`, `mapping.${i}.field`, `mapping.${i}.column`]);
      const { byField, rest } = fieldErrors(e, [...known, ...mappingFields]);
      const placed: Record<string, string[]> = {};
      for (const [field, messages] of Object.entries(byField)) {
        const index = /^mapping\.(\d+)/.exec(field)?.[1];
        const key = index === undefined ? field : `column.${columns[Number(index)]}`;
        placed[key] = [...(placed[key] ?? []), ...messages];
      }
      problems.value = placed;
      error.value = rest.length > 0 ? rest.join('\n') : null;
    };

    const attempt = async (work: () => Promise<void>, known: string[] = []) => {
      busy.value = true;
      try {
        error.value = null;
        problems.value = {};
        await work();
      } catch (e) {
        place(e, known);
      } finally {
        busy.value = false;
      }
    };

    onMounted(() =>
      attempt(async () => {
        const [builtIn, custom, saved, lists] = await Promise.all([
          callProcedure<MappableField[]>('excelImport.fields'),
          // Agents cannot read field settings: built-in fields are enough to import.
          callProcedure<{ key: string; label: MappableField['label'] }[]>('fields.list', {}).catch(() => []),
          callProcedure<Preset[]>('excelImport.presets.list'),
          callProcedure<{ source?: PicklistChoice[]; stage?: PicklistChoice[] }>('picklists.list').catch(() => ({}) as { source?: PicklistChoice[]; stage?: PicklistChoice[] }),
        ]);
        fields.value = [...builtIn, ...custom.map((f) => ({ value: `custom.${f.key}`, label: f.label }))];
        presets.value = saved;
        picklists.value = { source: (lists.source ?? []).filter((v) => !v.retired), stage: (lists.stage ?? []).filter((v) => !v.retired) };
      }),
    );
    onBeforeUnmount(() => clearInterval(timer));

    const onFile = (value: File | File[] | null | undefined) => {
      const file = Array.isArray(value) ? value[0] : value;
      if (!file) return;
      void attempt(async () => {
        sent.value = 0;
        try {
          const u = await uploadFile(file, (f) => (sent.value = f));
          upload.value = u;
          mapping.value = u.headers.map((_h, column) => u.suggestedMapping.find((m) => m.column === column)?.field ?? '');
          preview.value = null;
        } finally {
          sent.value = null;
        }
      }, ['file']);
    };
    const applyPreset = (id: string | null) => {
      const preset = presets.value.find((p) => p.id === id);
      if (preset && upload.value) mapping.value = upload.value.headers.map((_h, column) => preset.mapping.find((m) => m.column === column)?.field ?? '');
      preview.value = null;
    };
    const savePreset = () =>
      attempt(async () => {
        const name = presetName.value.trim();
        if (!name) throw new ProcedureError('BAD_REQUEST', '', [{ field: 'name', message: text().presetName }]);
        await callProcedure('excelImport.presets.save', { name, mapping: chosen() }, 'mutation');
        presets.value = await callProcedure<Preset[]>('excelImport.presets.list');
        presetName.value = '';
        presetSaved.value = true;
      }, ['name']);
    const runPreview = () =>
      attempt(async () => {
        preview.value = await callProcedure<Preview>('excelImport.preview', runInput(), 'mutation');
      }, ['duplicatePolicy', 'defaults.source', 'defaults.stage', 'mapping']);
    const poll = async (jobId: string) => {
      progress.value = await callProcedure<Progress>('excelImport.get', { jobId });
      if (!isRunning(progress.value)) clearInterval(timer);
    };
    const start = () =>
      attempt(async () => {
        const { jobId } = await callProcedure<{ jobId: string }>('excelImport.start', runInput(), 'mutation');
        await poll(jobId);
        clearInterval(timer);
        timer = setInterval(() => void poll(jobId).catch((e: unknown) => (error.value = errorMessage(e))), POLL_MS);
      }, ['duplicatePolicy', 'defaults.source', 'defaults.stage', 'mapping']);
    const cancel = (jobId: string) =>
      attempt(async () => {
        progress.value = await callProcedure<Progress>('excelImport.cancel', { jobId }, 'mutation');
      });
    const revert = (jobId: string) =>
      attempt(async () => {
        await callProcedure('excelImport.revert', { jobId }, 'mutation');
        await poll(jobId);
      });
    const reset = () => {
      clearInterval(timer);
      upload.value = null;
      preview.value = null;
      progress.value = null;
      sent.value = null;
      problems.value = {};
      error.value = null;
    };

    const on = (key: string) => problems.value[key] ?? [];
    const choices = (list: PicklistChoice[]) => list.map((v) => ({ title: v.label[locale.value] || v.key, value: v.key }));

    const uploadStep = () => {
      const t = text();
      return h('div', [
        h(VFileInput, {
          label: t.choose,
          accept: '.xlsx,.csv',
          name: 'file',
          prependIcon: '',
          prependInnerIcon: 'mdi-paperclip',
          showSize: true,
          disabled: sent.value !== null,
          errorMessages: on('file'),
          hideDetails: 'auto',
          'onUpdate:modelValue': onFile,
          'data-testid': 'import-file',
        }),
        sent.value === null
          ? null
          : h('div', { class: 'mt-3' }, [
              h('p', { class: 'text-body-2 mb-1' }, `${t.uploading} ${formatNumber(sent.value, locale.value, { style: 'percent' })}`),
              h(VProgressLinear, { modelValue: sent.value * 100, color: 'primary', height: 6, rounded: true, 'aria-label': t.uploading }),
            ]),
      ]);
    };

    const mappingStep = (u: Upload) => {
      const t = text();
      return h('div', [
        h('div', { class: 'd-flex flex-wrap align-center ga-2 mb-3' }, [
          h('strong', h('bdi', u.fileName)),
          h(VChip, { size: 'small', variant: 'tonal', 'data-testid': 'import-row-count' }, () => `${formatNumber(u.rowCount, locale.value)} ${t.rows}`),
          h('span', { class: 'me-auto' }),
          presets.value.length > 0
            ? h(VSelect, {
                modelValue: null,
                'onUpdate:modelValue': applyPreset,
                items: presets.value.map((p) => ({ title: p.name, value: p.id })),
                label: t.preset,
                density: 'compact',
                hideDetails: true,
                style: 'min-width: 180px; max-width: 260px',
              })
            : null,
        ]),
        mappingTable({
          upload: u,
          fields: fields.value,
          mapping: mapping.value,
          problems: Object.fromEntries(u.headers.map((_h, column) => [column, on(`column.${column}`)])),
          onChange: (column, field) => {
            mapping.value[column] = field;
            preview.value = null;
          },
        }),
        h('div', { class: 'd-flex flex-wrap align-start ga-2 mb-4' }, [
          h(VTextField, {
            modelValue: presetName.value,
            'onUpdate:modelValue': (v: string | null) => ((presetName.value = v ?? ''), (presetSaved.value = false)),
            label: t.presetName,
            name: 'presetName',
            density: 'compact',
            hideDetails: 'auto',
            errorMessages: on('name'),
            messages: presetSaved.value ? [t.saved] : [],
            style: 'min-width: 200px; max-width: 320px',
          }),
          h(VBtn, { variant: 'tonal', prependIcon: 'mdi-content-save', disabled: busy.value, onClick: savePreset }, () => t.savePreset),
        ]),
        h('fieldset', { class: 'border-0 pa-0' }, [
          h('legend', { class: 'text-subtitle-2 mb-2' }, t.defaults),
          h('div', { class: 'd-flex flex-wrap ga-3' }, [
            h(VSelect, {
              modelValue: policy.value,
              'onUpdate:modelValue': (v: Policy) => ((policy.value = v), (preview.value = null)),
              items: [
                { title: t.skip, value: 'skip' },
                { title: t.update, value: 'update' },
                { title: t.create, value: 'create' },
              ],
              label: t.policy,
              name: 'duplicatePolicy',
              errorMessages: on('duplicatePolicy'),
              hideDetails: 'auto',
              style: 'min-width: 220px; flex: 1 1 220px',
            }),
            h(VSelect, {
              modelValue: source.value,
              'onUpdate:modelValue': (v: string | null) => (source.value = v),
              items: choices(picklists.value.source),
              label: t.source,
              name: 'defaults.source',
              clearable: true,
              errorMessages: on('defaults.source'),
              hideDetails: 'auto',
              style: 'min-width: 220px; flex: 1 1 220px',
            }),
            h(VSelect, {
              modelValue: stage.value,
              'onUpdate:modelValue': (v: string | null) => (stage.value = v),
              items: choices(picklists.value.stage),
              label: t.stage,
              name: 'defaults.stage',
              clearable: true,
              errorMessages: on('defaults.stage'),
              hideDetails: 'auto',
              style: 'min-width: 220px; flex: 1 1 220px',
            }),
          ]),
        ]),
        h('div', { class: 'd-flex flex-wrap ga-2 mt-4' }, [
          h(VBtn, { variant: 'tonal', prependIcon: 'mdi-check-decagram', loading: busy.value && !preview.value, disabled: busy.value, onClick: runPreview }, () => t.dryRun),
          h(VBtn, { color: 'primary', prependIcon: 'mdi-database-import', disabled: busy.value || chosen().length === 0, onClick: start }, () => t.start),
          h(VBtn, { variant: 'text', disabled: busy.value, onClick: reset }, () => t.cancel),
        ]),
        preview.value ? previewSummary(preview.value) : null,
      ]);
    };

    const resultStep = (p: Progress) => {
      const t = text();
      return h('div', [
        h('p', { class: 'mb-2' }, h('bdi', upload.value?.fileName ?? p.fileName ?? '')),
        progressView(p),
        h('div', { class: 'd-flex flex-wrap ga-2 mt-4' }, [
          isRunning(p)
            ? h(VBtn, { variant: 'tonal', color: 'warning', disabled: busy.value, onClick: () => cancel(p.jobId) }, () => t.cancel)
            : [
                p.failed > 0
                  ? h(VBtn, { href: errorsUrl(p.jobId), download: '', prependIcon: 'mdi-download', variant: 'tonal', color: 'error', 'data-testid': 'import-errors-link' }, () => t.errors)
                  : null,
                p.revertResult
                  ? h(VChip, { variant: 'tonal' }, () => `${t.reverted}: −${formatNumber(p.revertResult!.deleted, locale.value)} / ↺${formatNumber(p.revertResult!.restored, locale.value)} / =${formatNumber(p.revertResult!.kept, locale.value)}`)
                  : h(VBtn, { prependIcon: 'mdi-undo', variant: 'text', color: 'warning', disabled: busy.value, onClick: () => revert(p.jobId) }, () => t.revert),
                h(VBtn, { prependIcon: 'mdi-file-upload', color: 'primary', variant: 'text', onClick: reset }, () => t.again),
                h(VBtn, { prependIcon: 'mdi-history', variant: 'text', to: '/plugins/excel-import/history' }, () => t.openHistory),
              ],
        ]),
      ]);
    };

    return () => {
      const t = text();
      const current = step.value;
      const steps = [t.stepUpload, t.stepMapping, t.stepImport];
      return h('section', { class: 'excel-import-wizard' }, [
        // The steps as a header only: the current one's content is below, so the stepper has no window.
        h(VStepper, { modelValue: current, flat: true, class: 'mb-4', tag: 'nav' }, () =>
          h(VStepperHeader, () =>
            steps.flatMap((title, i) => [
              i > 0 ? h(VDivider, { key: `d${i}` }) : null,
              h(VStepperItem, { key: i, value: i + 1, title, complete: current > i + 1, 'aria-current': current === i + 1 ? 'step' : undefined }),
            ]),
          ),
        ),
        error.value ? h(VAlert, { type: 'error', variant: 'tonal', class: 'mb-3', role: 'alert', style: 'white-space: pre-line' }, () => error.value) : null,
        h(VCard, { variant: 'outlined' }, () =>
          h(VCardText, () => (progress.value ? resultStep(progress.value) : upload.value ? mappingStep(upload.value) : uploadStep())),
        ),
      ]);
    };
  },
});
