import { callProcedure } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref, type VNode } from 'vue';
import { browser, checkedOf, errorText, text, valueOf, when } from './labels.js';
import { absoluteUrl, credentialFields, type KeywordRule, type LineView, type Provider } from './types.js';

/** The line being added (`id` null) or edited. */
type Draft = Pick<LineView, 'name' | 'number' | 'provider' | 'credentials' | 'autoCreate' | 'keywordRules'> & { id: string | null };

const emptyDraft = (): Draft => ({ id: null, name: '', number: '', provider: 'generic', credentials: {}, autoCreate: true, keywordRules: [] });

/** Only what was typed: masked secrets (`••••`) and untouched fields are left out, so they keep their value. */
function changedCredentials(draft: Draft): Record<string, string> {
  return Object.fromEntries(Object.entries(draft.credentials).filter(([, v]) => v !== '••••'));
}

/** Empty rule parts are dropped: a rule names only what it sets. */
const cleanRules = (rules: KeywordRule[]) =>
  rules.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as unknown as KeywordRule);

/**
 * The SMS lines: provider and credentials, the webhook URL to give the provider (with a copy
 * button), secret rotation, auto mode and keyword rules, and a button to poll for missed messages.
 */
export default defineComponent({
  name: 'SmsLinesPage',
  setup() {
    const t = text();
    const lines = ref<LineView[]>([]);
    const draft = ref<Draft>(emptyDraft());
    const error = ref<string | null>(null);
    const notice = ref<string | null>(null);

    const run = async (work: () => Promise<void>) => {
      try {
        await work();
        error.value = null;
      } catch (e) {
        error.value = errorText(e);
      }
    };
    const load = () => run(async () => void (lines.value = await callProcedure<LineView[]>('smsCapture.lines.list')));

    const save = () =>
      run(async () => {
        const d = draft.value;
        const fields = { name: d.name, number: d.number, provider: d.provider, autoCreate: d.autoCreate, keywordRules: cleanRules(d.keywordRules) };
        if (d.id === null) {
          const created = await callProcedure<{ secret: string }>('smsCapture.lines.create', { ...fields, credentials: changedCredentials(d) }, 'mutation');
          notice.value = `${t.secretOnce} ${created.secret}`;
        } else {
          await callProcedure('smsCapture.lines.update', { id: d.id, ...fields, credentials: changedCredentials(d) }, 'mutation');
        }
        draft.value = emptyDraft();
        await load();
      });

    const rotate = (line: LineView) =>
      run(async () => {
        if (!browser.confirm(t.rotateConfirm)) return;
        const { secret } = await callProcedure<{ secret: string }>('smsCapture.lines.rotateSecret', { id: line.id }, 'mutation');
        notice.value = `${t.secretOnce} ${secret}`;
        await load();
      });
    const remove = (line: LineView) =>
      run(async () => {
        if (!browser.confirm(t.deleteConfirm)) return;
        await callProcedure('smsCapture.lines.delete', { id: line.id }, 'mutation');
        await load();
      });
    const poll = (line: LineView) =>
      run(async () => {
        const { stored } = await callProcedure<{ stored: number }>('smsCapture.lines.poll', { id: line.id }, 'mutation');
        notice.value = `${line.name}: ${stored.toLocaleString()} ${t.stored}`;
        await load();
      });
    const copy = (url: string) => run(async () => browser.navigator.clipboard.writeText(absoluteUrl(url)));

    onMounted(load);

    const field = (label: string, control: VNode) => h('label', { class: 'sms-field' }, [h('span', label), control]);
    const input = (value: string, set: (v: string) => void, attrs: Record<string, unknown> = {}) =>
      h('input', { value, onInput: (e: Event) => set(valueOf(e)), ...attrs });

    const ruleRow = (rule: KeywordRule, i: number) =>
      h('div', { class: 'sms-rule', key: i }, [
        ...(['keyword', 'source', 'campaign', 'tag'] as const).map((part) =>
          input(rule[part] ?? '', (v) => (draft.value.keywordRules[i] = { ...draft.value.keywordRules[i]!, [part]: v }), { placeholder: t[part] }),
        ),
        h('button', { type: 'button', onClick: () => draft.value.keywordRules.splice(i, 1) }, t.remove),
      ]);

    const form = () => {
      const d = draft.value;
      return h('form', { class: 'sms-line-form', onSubmit: (e: Event) => (e.preventDefault(), save()) }, [
        field(t.name, input(d.name, (v) => (d.name = v), { required: true })),
        field(t.number, input(d.number, (v) => (d.number = v), { required: true, dir: 'ltr' })),
        field(
          t.provider,
          h(
            'select',
            { value: d.provider, onChange: (e: Event) => (d.provider = valueOf(e) as Provider) },
            (['generic', 'kavenegar', 'melipayamak', 'twilio'] as const).map((p) => h('option', { value: p }, p)),
          ),
        ),
        h('fieldset', [
          h('legend', t.credentials),
          ...credentialFields[d.provider].map((key) =>
            field(key, input(d.credentials[key] ?? '', (v) => (d.credentials[key] = v), { dir: 'ltr', type: /password|token|key/i.test(key) ? 'password' : 'text' })),
          ),
        ]),
        h('label', [h('input', { type: 'checkbox', checked: d.autoCreate, onChange: (e: Event) => (d.autoCreate = checkedOf(e)) }), ` ${t.autoCreate}`]),
        h('fieldset', [
          h('legend', t.keywordRules),
          ...d.keywordRules.map(ruleRow),
          h('button', { type: 'button', onClick: () => d.keywordRules.push({ keyword: '' }) }, t.addRule),
        ]),
        h('button', { type: 'submit' }, d.id === null ? t.addLine : t.save),
      ]);
    };

    const edit = (line: LineView) =>
      (draft.value = {
        id: line.id,
        name: line.name,
        number: line.number,
        provider: line.provider,
        credentials: { ...line.credentials },
        autoCreate: line.autoCreate,
        keywordRules: line.keywordRules.map((r) => ({ ...r })),
      });

    return () =>
      h('section', { class: 'sms-lines' }, [
        error.value ? h('p', { class: 'text-error', role: 'alert', style: 'white-space: pre-line' }, error.value) : null,
        notice.value ? h('p', { class: 'text-info', role: 'status' }, h('bdi', { dir: 'ltr' }, notice.value)) : null,
        h('table', [
          h('thead', h('tr', [t.name, t.number, t.provider, t.webhookUrl, t.lastPoll, ''].map((label) => h('th', label)))),
          h(
            'tbody',
            lines.value.map((line) =>
              h('tr', { key: line.id }, [
                h('td', h('a', { href: '#', onClick: (e: Event) => (e.preventDefault(), edit(line)) }, line.name)),
                h('td', h('bdi', { dir: 'ltr' }, line.number)),
                h('td', line.provider),
                h('td', [h('code', { dir: 'ltr' }, absoluteUrl(line.webhookUrl)), h('button', { type: 'button', onClick: () => copy(line.webhookUrl) }, t.copy)]),
                h('td', { title: line.lastPollError ?? undefined }, line.lastPolledAt ? when(line.lastPolledAt) : '—'),
                h('td', [
                  line.polling ? h('button', { type: 'button', onClick: () => poll(line) }, t.pollNow) : null,
                  h('button', { type: 'button', onClick: () => rotate(line) }, t.rotate),
                  h('button', { type: 'button', onClick: () => remove(line) }, t.delete),
                ]),
              ]),
            ),
          ),
        ]),
        form(),
      ]);
  },
});
