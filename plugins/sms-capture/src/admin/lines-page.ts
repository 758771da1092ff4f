import { callProcedure, errorMessage, fieldErrors, formatNumber } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref, type Component } from 'vue';
import { VAlert, VBtn, VCard, VCardText, VCardTitle, VChip, VForm, VSelect, VSwitch, VTable, VTextField } from 'vuetify/components';
import { browser, locale, text, when } from './labels.js';
import { absoluteUrl, credentialFields, type KeywordRule, type LineView, type Provider } from './types.js';

// Vuetify's selection controls carry prop types that none of h()'s overloads accept; their props are checked at run time.
const Switch = VSwitch as Component;

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

const rulePart = ['keyword', 'source', 'campaign', 'tag'] as const;
const providers: readonly Provider[] = ['generic', 'kavenegar', 'melipayamak', 'twilio'];

/** Every input name the form has, so the server's field errors land on their inputs. */
function inputNames(d: Draft): string[] {
  return [
    'name',
    'number',
    'provider',
    'autoCreate',
    'credentials',
    ...credentialFields[d.provider].map((key) => `credentials.${key}`),
    ...d.keywordRules.flatMap((_r, i) => rulePart.map((part) => `keywordRules.${i}.${part}`)),
  ];
}

/**
 * The SMS lines: provider and credentials, the webhook URL to give the provider (with a copy
 * button), secret rotation, auto mode and keyword rules, and a button to poll for missed messages.
 */
export default defineComponent({
  name: 'SmsLinesPage',
  setup() {
    const lines = ref<LineView[]>([]);
    const draft = ref<Draft>(emptyDraft());
    const error = ref<string | null>(null);
    const problems = ref<Record<string, string[]>>({});
    const notice = ref<{ text: string; secret?: string } | null>(null);
    const saving = ref(false);

    const run = async (work: () => Promise<void>) => {
      try {
        await work();
        error.value = null;
      } catch (e) {
        error.value = errorMessage(e);
      }
    };
    const load = () => run(async () => void (lines.value = await callProcedure<LineView[]>('smsCapture.lines.list')));

    const save = async () => {
      const d = draft.value;
      const fields = { name: d.name, number: d.number, provider: d.provider, autoCreate: d.autoCreate, keywordRules: cleanRules(d.keywordRules) };
      saving.value = true;
      try {
        if (d.id === null) {
          const created = await callProcedure<{ secret: string }>('smsCapture.lines.create', { ...fields, credentials: changedCredentials(d) }, 'mutation');
          notice.value = { text: text().secretOnce, secret: created.secret };
        } else {
          await callProcedure('smsCapture.lines.update', { id: d.id, ...fields, credentials: changedCredentials(d) }, 'mutation');
          notice.value = null;
        }
        draft.value = emptyDraft();
        problems.value = {};
        error.value = null;
        await load();
      } catch (e) {
        const { byField, rest } = fieldErrors(e, inputNames(d));
        problems.value = byField;
        error.value = rest.length > 0 ? rest.join('\n') : null;
      } finally {
        saving.value = false;
      }
    };

    const rotate = (line: LineView) =>
      run(async () => {
        if (!browser.confirm(text().rotateConfirm)) return;
        const { secret } = await callProcedure<{ secret: string }>('smsCapture.lines.rotateSecret', { id: line.id }, 'mutation');
        notice.value = { text: text().secretOnce, secret };
        await load();
      });
    const remove = (line: LineView) =>
      run(async () => {
        if (!browser.confirm(text().deleteConfirm)) return;
        await callProcedure('smsCapture.lines.delete', { id: line.id }, 'mutation');
        await load();
      });
    const poll = (line: LineView) =>
      run(async () => {
        const { stored } = await callProcedure<{ stored: number }>('smsCapture.lines.poll', { id: line.id }, 'mutation');
        notice.value = { text: `${line.name}: ${formatNumber(stored, locale.value)} ${text().stored}` };
        await load();
      });
    const copy = (value: string) =>
      run(async () => {
        await browser.navigator.clipboard.writeText(value);
        notice.value = { text: text().copied };
      });

    onMounted(load);

    const edit = (line: LineView) => {
      problems.value = {};
      draft.value = {
        id: line.id,
        name: line.name,
        number: line.number,
        provider: line.provider,
        credentials: { ...line.credentials },
        autoCreate: line.autoCreate,
        keywordRules: line.keywordRules.map((r) => ({ ...r })),
      };
    };

    const textField = (name: string, label: string, value: string, set: (v: string) => void, attrs: Record<string, unknown> = {}) =>
      h(VTextField, {
        modelValue: value,
        'onUpdate:modelValue': (v: string | null) => set(v ?? ''),
        label,
        name,
        errorMessages: problems.value[name] ?? [],
        hideDetails: 'auto',
        class: 'mb-3',
        ...attrs,
      });

    const ruleRow = (rule: KeywordRule, i: number) => {
      const t = text();
      return h('div', { class: 'd-flex flex-wrap align-start ga-2', key: i }, [
        ...rulePart.map((part) =>
          textField(`keywordRules.${i}.${part}`, t[part], rule[part] ?? '', (v) => (draft.value.keywordRules[i] = { ...draft.value.keywordRules[i]!, [part]: v }), {
            density: 'compact',
            style: 'min-width: 140px; flex: 1 1 140px',
          }),
        ),
        h(VBtn, { icon: 'mdi-delete', variant: 'text', 'aria-label': `${t.remove}: ${rule.keyword || i + 1}`, onClick: () => draft.value.keywordRules.splice(i, 1) }),
      ]);
    };

    const form = () => {
      const t = text();
      const d = draft.value;
      return h(VCard, { variant: 'outlined', class: 'mt-4' }, () => [
        h(VCardTitle, { tag: 'h2', class: 'text-title-medium' }, () => (d.id === null ? t.newLine : t.editLine)),
        h(VCardText, () =>
          h(VForm, { onSubmit: (e: Event) => (e.preventDefault(), save()), 'data-testid': 'sms-line-form' }, () => [
            h('div', { class: 'd-flex flex-wrap ga-3' }, [
              textField('name', t.name, d.name, (v) => (d.name = v), { style: 'min-width: 200px; flex: 1 1 200px' }),
              textField('number', t.number, d.number, (v) => (d.number = v), { dir: 'ltr', style: 'min-width: 200px; flex: 1 1 200px' }),
              h(VSelect, {
                modelValue: d.provider,
                'onUpdate:modelValue': (v: Provider) => (d.provider = v),
                items: providers,
                label: t.provider,
                name: 'provider',
                errorMessages: problems.value.provider ?? [],
                hideDetails: 'auto',
                class: 'mb-3',
                style: 'min-width: 180px; flex: 1 1 180px',
              }),
            ]),
            h('fieldset', { class: 'border-0 pa-0 mb-2' }, [
              h('legend', { class: 'text-subtitle-2 mb-2' }, t.credentials),
              problems.value.credentials ? h(VAlert, { type: 'error', variant: 'tonal', density: 'compact', class: 'mb-2' }, () => problems.value.credentials!.join('\n')) : null,
              h(
                'div',
                { class: 'd-flex flex-wrap ga-3' },
                credentialFields[d.provider].map((key) =>
                  textField(`credentials.${key}`, key, d.credentials[key] ?? '', (v) => (d.credentials[key] = v), {
                    dir: 'ltr',
                    type: /password|token|key/i.test(key) ? 'password' : 'text',
                    autocomplete: 'off',
                    style: 'min-width: 200px; flex: 1 1 200px',
                  }),
                ),
              ),
            ]),
            h(Switch, {
              modelValue: d.autoCreate,
              'onUpdate:modelValue': (v: boolean | null) => (d.autoCreate = !!v),
              label: t.autoCreate,
              color: 'primary',
              name: 'autoCreate',
              hideDetails: 'auto',
              errorMessages: problems.value.autoCreate ?? [],
            }),
            h('fieldset', { class: 'border-0 pa-0 mb-3' }, [
              h('legend', { class: 'text-subtitle-2 mb-2' }, t.keywordRules),
              ...d.keywordRules.map(ruleRow),
              h(VBtn, { variant: 'text', prependIcon: 'mdi-plus', onClick: () => d.keywordRules.push({ keyword: '' }) }, () => t.addRule),
            ]),
            h('div', { class: 'd-flex flex-wrap ga-2' }, [
              h(VBtn, { type: 'submit', color: 'primary', loading: saving.value }, () => (d.id === null ? t.addLine : t.save)),
              d.id === null ? null : h(VBtn, { variant: 'text', onClick: () => ((draft.value = emptyDraft()), (problems.value = {})) }, () => t.cancel),
            ]),
          ]),
        ),
      ]);
    };

    const lineRow = (line: LineView) => {
      const t = text();
      const url = absoluteUrl(line.webhookUrl);
      return h('tr', { key: line.id }, [
        h('th', { scope: 'row', class: 'font-weight-regular' }, h('bdi', line.name)),
        h('td', h('bdi', { dir: 'ltr' }, line.number)),
        h('td', h(VChip, { size: 'small', variant: 'tonal' }, () => line.provider)),
        h('td', { style: 'min-width: 220px' }, [
          h('div', { class: 'd-flex align-center ga-1' }, [
            h('code', { dir: 'ltr', class: 'text-caption flex-grow-1', style: 'word-break: break-all' }, url),
            h(VBtn, { icon: 'mdi-content-copy', size: 'small', variant: 'text', 'aria-label': `${t.copy}: ${t.webhookUrl}`, onClick: () => copy(url) }),
          ]),
        ]),
        h('td', { class: 'text-no-wrap', title: line.lastPollError ?? undefined }, line.lastPolledAt ? when(line.lastPolledAt) : '—'),
        h('td', { class: 'text-no-wrap' }, [
          h(VBtn, { size: 'small', variant: 'text', onClick: () => edit(line) }, () => t.edit),
          line.polling ? h(VBtn, { size: 'small', variant: 'text', onClick: () => poll(line) }, () => t.pollNow) : null,
          h(VBtn, { size: 'small', variant: 'text', onClick: () => rotate(line) }, () => t.rotate),
          h(VBtn, { size: 'small', variant: 'text', color: 'error', onClick: () => remove(line) }, () => t.delete),
        ]),
      ]);
    };

    return () => {
      const t = text();
      return h('section', { class: 'sms-lines' }, [
        error.value ? h(VAlert, { type: 'error', variant: 'tonal', class: 'mb-3', role: 'alert', style: 'white-space: pre-line' }, () => error.value) : null,
        notice.value
          ? h(VAlert, { type: 'info', variant: 'tonal', class: 'mb-3', role: 'status', closable: true, 'onClick:close': () => (notice.value = null) }, () => [
              notice.value!.text,
              notice.value!.secret ? [' ', h('code', { dir: 'ltr', 'data-testid': 'sms-secret' }, notice.value!.secret)] : null,
            ])
          : null,
        lines.value.length === 0
          ? h('p', { class: 'text-medium-emphasis' }, t.noLines)
          : h(VTable, { density: 'comfortable', class: 'overflow-x-auto', 'data-testid': 'sms-lines' }, () => [
              h('thead', h('tr', [t.name, t.number, t.provider, t.webhookUrl, t.lastPoll, t.actions].map((label) => h('th', { scope: 'col' }, label)))),
              h('tbody', lines.value.map(lineRow)),
            ]),
        form(),
      ]);
    };
  },
});
