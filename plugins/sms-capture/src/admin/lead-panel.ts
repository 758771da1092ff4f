import { callProcedure } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref, type PropType } from 'vue';
import { errorText, text, valueOf, when } from './labels.js';
import type { LineView, SmsEntry } from './types.js';

interface TemplateOption {
  id: string;
  name: string;
}

/** The lead page's SMS panel: the thread both ways, and a form to send one (typed, or from an SMS template). */
export default defineComponent({
  name: 'SmsLeadPanel',
  props: { lead: { type: Object as PropType<{ id: string; mobile: string | null; phone: string | null }>, required: true } },
  setup(props) {
    const t = text();
    const thread = ref<SmsEntry[]>([]);
    const lines = ref<LineView[]>([]);
    const templates = ref<TemplateOption[]>([]);
    const form = ref({ lineId: '', templateId: '', text: '' });
    const error = ref<string | null>(null);
    const sending = ref(false);

    const load = async () => {
      thread.value = await callProcedure<SmsEntry[]>('smsCapture.thread', { leadId: props.lead.id });
    };
    onMounted(async () => {
      try {
        await load();
        // Agents may not list lines (a manager's screen): they pick from the lines this lead has talked on.
        lines.value = await callProcedure<LineView[]>('smsCapture.lines.list').catch(() => []);
        templates.value = await callProcedure<TemplateOption[]>('templates.list', { channel: 'sms' }).catch(() => []);
        form.value.lineId = lines.value[0]?.id ?? thread.value.at(-1)?.data.lineId ?? '';
      } catch (e) {
        error.value = errorText(e);
      }
    });

    const send = async () => {
      sending.value = true;
      try {
        const { lineId, templateId, text: body } = form.value;
        await callProcedure('smsCapture.send', { leadId: props.lead.id, lineId, ...(templateId ? { templateId } : { text: body }) }, 'mutation');
        form.value.text = '';
        error.value = null;
        await load();
      } catch (e) {
        error.value = errorText(e);
      } finally {
        sending.value = false;
      }
    };

    return () =>
      h('section', { class: 'sms-thread' }, [
        error.value ? h('p', { class: 'text-error', role: 'alert', style: 'white-space: pre-line' }, error.value) : null,
        h(
          'ol',
          thread.value.map((m) =>
            h('li', { key: m.id, class: m.type === 'sms_sent' ? 'sms-out' : 'sms-in' }, [
              h('small', `${m.type === 'sms_sent' ? t.sent : t.received} · ${when(m.at)}${m.data.status ? ` · ${t.status}: ${m.data.status}` : ''}`),
              h('p', h('bdi', m.data.text)),
            ]),
          ),
        ),
        props.lead.mobile || props.lead.phone
          ? h('form', { onSubmit: (e: Event) => (e.preventDefault(), send()) }, [
              h(
                'select',
                { value: form.value.lineId, 'aria-label': t.line, onChange: (e: Event) => (form.value.lineId = valueOf(e)) },
                lines.value.map((l) => h('option', { value: l.id }, `${l.name} (${l.number})`)),
              ),
              h(
                'select',
                { value: form.value.templateId, 'aria-label': t.template, onChange: (e: Event) => (form.value.templateId = valueOf(e)) },
                [h('option', { value: '' }, t.noTemplate), ...templates.value.map((tpl) => h('option', { value: tpl.id }, tpl.name))],
              ),
              form.value.templateId
                ? null
                : h('textarea', { value: form.value.text, maxlength: 1000, rows: 3, onInput: (e: Event) => (form.value.text = valueOf(e)) }),
              h('button', { type: 'submit', disabled: sending.value || !form.value.lineId }, t.send),
            ])
          : null,
      ]);
  },
});
