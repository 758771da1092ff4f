import { callProcedure, errorMessage, fieldErrors } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref, type PropType } from 'vue';
import { VAlert, VBtn, VForm, VSelect, VSheet, VTextarea } from 'vuetify/components';
import { text, when } from './labels.js';
import type { LineView, SmsEntry } from './types.js';

interface TemplateOption {
  id: string;
  name: string;
}

const formFields = ['lineId', 'templateId', 'text'];

/** The lead page's SMS panel: the thread both ways, and a form to send one (typed, or from an SMS template). */
export default defineComponent({
  name: 'SmsLeadPanel',
  props: { lead: { type: Object as PropType<{ id: string; mobile: string | null; phone: string | null }>, required: true } },
  setup(props) {
    const thread = ref<SmsEntry[]>([]);
    const lines = ref<LineView[]>([]);
    const templates = ref<TemplateOption[]>([]);
    const form = ref({ lineId: '', templateId: '', text: '' });
    const error = ref<string | null>(null);
    const problems = ref<Record<string, string[]>>({});
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
        error.value = errorMessage(e);
      }
    });

    const lineItems = () => {
      const known = lines.value.map((l) => ({ title: `${l.name} (${l.number})`, value: l.id }));
      const last = thread.value.at(-1);
      if (known.length > 0 || !last) return known;
      // Our own number is the receiver of an incoming SMS and the sender of an outgoing one.
      return [{ title: last.type === 'sms_sent' ? last.data.from : last.data.to, value: last.data.lineId }];
    };

    const send = async () => {
      sending.value = true;
      try {
        const { lineId, templateId, text: body } = form.value;
        await callProcedure('smsCapture.send', { leadId: props.lead.id, lineId, ...(templateId ? { templateId } : { text: body }) }, 'mutation');
        form.value.text = '';
        error.value = null;
        problems.value = {};
        await load();
      } catch (e) {
        const { byField, rest } = fieldErrors(e, formFields);
        problems.value = byField;
        error.value = rest.length > 0 ? rest.join('\n') : null;
      } finally {
        sending.value = false;
      }
    };

    const bubble = (m: SmsEntry) => {
      const t = text();
      const out = m.type === 'sms_sent';
      return h('li', { key: m.id, class: ['d-flex mb-2', out ? 'justify-end' : 'justify-start'] }, [
        h(VSheet, { rounded: 'lg', color: out ? 'primary' : 'surface-variant', class: 'pa-2', style: 'max-width: 85%' }, () => [
          h('div', { class: 'text-caption' }, `${out ? t.sent : t.received} · ${when(m.at)}${m.data.status ? ` · ${t.status}: ${m.data.status}` : ''}`),
          h('p', { class: 'mb-0', style: 'white-space: pre-line' }, h('bdi', m.data.text)),
        ]),
      ]);
    };

    const sendForm = () => {
      const t = text();
      return h(VForm, { onSubmit: (e: Event) => (e.preventDefault(), send()), class: 'd-flex flex-column ga-2' }, () => [
        h(VSelect, {
          modelValue: form.value.lineId,
          'onUpdate:modelValue': (v: string) => (form.value.lineId = v),
          items: lineItems(),
          label: t.line,
          name: 'lineId',
          density: 'compact',
          hideDetails: 'auto',
          errorMessages: problems.value.lineId ?? [],
        }),
        h(VSelect, {
          modelValue: form.value.templateId,
          'onUpdate:modelValue': (v: string) => (form.value.templateId = v),
          items: [{ title: t.noTemplate, value: '' }, ...templates.value.map((tpl) => ({ title: tpl.name, value: tpl.id }))],
          label: t.template,
          name: 'templateId',
          density: 'compact',
          hideDetails: 'auto',
          errorMessages: problems.value.templateId ?? [],
        }),
        form.value.templateId
          ? null
          : h(VTextarea, {
              modelValue: form.value.text,
              'onUpdate:modelValue': (v: string) => (form.value.text = v),
              label: t.text,
              name: 'text',
              rows: 3,
              autoGrow: true,
              counter: 1000,
              maxlength: 1000,
              hideDetails: 'auto',
              errorMessages: problems.value.text ?? [],
            }),
        h('div', h(VBtn, { type: 'submit', color: 'primary', prependIcon: 'mdi-send', loading: sending.value, disabled: !form.value.lineId }, () => t.send)),
      ]);
    };

    return () => {
      const t = text();
      return h('section', { class: 'sms-thread' }, [
        error.value ? h(VAlert, { type: 'error', variant: 'tonal', density: 'compact', class: 'mb-2', role: 'alert', style: 'white-space: pre-line' }, () => error.value) : null,
        thread.value.length === 0
          ? h('p', { class: 'text-medium-emphasis' }, t.noThread)
          : h('ol', { class: 'pa-0 mb-3', style: 'list-style: none; max-height: 360px; overflow-y: auto' }, thread.value.map(bubble)),
        props.lead.mobile || props.lead.phone ? sendForm() : h('p', { class: 'text-medium-emphasis' }, t.noNumber),
      ]);
    };
  },
});
