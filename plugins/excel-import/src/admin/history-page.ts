import { defineComponent, h, onMounted, ref } from 'vue';
import { call, errorsUrl, locale, type Progress } from './api.js';
import { labels } from './labels.js';
import { progressView } from './wizard-page.js';

/** Past imports, newest first: each one's counts, its error workbook, and revert. */
export default defineComponent({
  name: 'ExcelImportHistory',
  setup() {
    const text = labels[locale()];
    const jobs = ref<Progress[]>([]);
    const error = ref<string | null>(null);
    const load = async () => {
      try {
        jobs.value = await call<Progress[]>('excelImport.list', { limit: 50 });
        error.value = null;
      } catch (e) {
        error.value = e instanceof Error ? e.message : String(e);
      }
    };
    const revert = async (jobId: string) => {
      try {
        await call('excelImport.revert', { jobId }, 'mutation');
      } catch (e) {
        error.value = e instanceof Error ? e.message : String(e);
      }
      await load();
    };
    onMounted(load);
    return () =>
      h('section', { class: 'excel-import-history' }, [
        h('h2', text.history),
        error.value ? h('p', { class: 'text-error', role: 'alert' }, error.value) : null,
        ...jobs.value.map((job) =>
          h('article', { key: job.jobId }, [
            h('h3', [h('bdi', job.fileName ?? ''), ' ', h('small', job.createdAt ? new Date(job.createdAt).toLocaleString(locale()) : '')]),
            progressView(job, text),
            job.failed > 0 ? h('a', { href: errorsUrl(job.jobId), download: '' }, text.errors) : null,
            job.revertResult
              ? h('p', text.reverted)
              : job.status !== 'queued' && job.status !== 'running'
                ? h('button', { type: 'button', onClick: () => revert(job.jobId) }, text.revert)
                : null,
          ]),
        ),
      ]);
  },
});
