import { callProcedure, errorMessage, formatDate } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref } from 'vue';
import { VAlert, VBtn, VCard, VCardActions, VCardSubtitle, VCardText, VCardTitle } from 'vuetify/components';
import { errorsUrl, isRunning, type Progress } from './api.js';
import { locale, text } from './labels.js';
import { progressView } from './progress-view.js';

/** Past imports, newest first: each one's counts, its error workbook, and revert. */
export default defineComponent({
  name: 'ExcelImportHistory',
  setup() {
    const jobs = ref<Progress[]>([]);
    const error = ref<string | null>(null);
    const loading = ref(false);
    const load = async () => {
      loading.value = true;
      try {
        jobs.value = await callProcedure<Progress[]>('excelImport.list', { limit: 50 });
        error.value = null;
      } catch (e) {
        error.value = errorMessage(e);
      } finally {
        loading.value = false;
      }
    };
    const revert = async (jobId: string) => {
      try {
        await callProcedure('excelImport.revert', { jobId }, 'mutation');
      } catch (e) {
        error.value = errorMessage(e);
      }
      await load();
    };
    onMounted(load);

    const card = (job: Progress) => {
      const t = text();
      return h(VCard, { key: job.jobId, variant: 'outlined', class: 'mb-3', 'data-testid': 'import-history-item' }, () => [
        h(VCardTitle, { tag: 'h2', class: 'text-title-medium' }, () => h('bdi', job.fileName ?? '—')),
        job.createdAt ? h(VCardSubtitle, () => formatDate(job.createdAt, { withTime: true, locale: locale.value })) : null,
        h(VCardText, () => progressView(job)),
        h(VCardActions, { class: 'flex-wrap' }, () => [
          job.failed > 0 ? h(VBtn, { href: errorsUrl(job.jobId), download: '', prependIcon: 'mdi-download', variant: 'text' }, () => t.errors) : null,
          job.revertResult
            ? h('span', { class: 'text-body-2 text-medium-emphasis px-2' }, t.reverted)
            : isRunning(job)
              ? null
              : h(VBtn, { prependIcon: 'mdi-undo', variant: 'text', color: 'warning', onClick: () => revert(job.jobId) }, () => t.revert),
        ]),
      ]);
    };

    return () => {
      const t = text();
      return h('section', { class: 'excel-import-history' }, [
        h('div', { class: 'd-flex justify-end mb-2' }, h(VBtn, { variant: 'text', prependIcon: 'mdi-refresh', loading: loading.value, onClick: load }, () => t.reload)),
        error.value ? h(VAlert, { type: 'error', variant: 'tonal', class: 'mb-3', role: 'alert', style: 'white-space: pre-line' }, () => error.value) : null,
        !loading.value && jobs.value.length === 0 && !error.value ? h('p', { class: 'text-medium-emphasis' }, t.noImports) : null,
        ...jobs.value.map(card),
      ]);
    };
  },
});
