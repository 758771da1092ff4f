import { callProcedure, errorMessage, formatNumber } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref, type Component } from 'vue';
import { VAlert, VBtn, VCheckboxBtn, VChip, VSelect, VSwitch, VTable, VTextField } from 'vuetify/components';
import { locale, text, when } from './labels.js';
import type { InboxMessage, LineView } from './types.js';

// Vuetify's selection controls carry prop types that none of h()'s overloads accept; their props are checked at run time.
const Switch = VSwitch as Component;
const CheckboxBtn = VCheckboxBtn as Component;

/**
 * Received messages, newest first: sender, line, text, time and whether someone handled it; one
 * click makes a lead of a message, or of every selected one.
 */
export default defineComponent({
  name: 'SmsInboxPage',
  setup() {
    const messages = ref<InboxMessage[]>([]);
    const lines = ref<LineView[]>([]);
    const nextCursor = ref<string | null>(null);
    const selected = ref<Set<string>>(new Set());
    const filter = ref<{ lineId: string; unhandled: boolean; search: string }>({ lineId: '', unhandled: true, search: '' });
    const error = ref<string | null>(null);
    const busy = ref(false);

    const input = (cursor: string | null) => ({
      ...(filter.value.lineId ? { lineId: filter.value.lineId } : {}),
      ...(filter.value.unhandled ? { handled: false } : {}),
      ...(filter.value.search.trim() ? { search: filter.value.search.trim() } : {}),
      ...(cursor ? { cursor } : {}),
    });

    const guard = async (work: () => Promise<void>) => {
      busy.value = true;
      try {
        await work();
        error.value = null;
      } catch (e) {
        error.value = errorMessage(e);
      } finally {
        busy.value = false;
      }
    };

    const load = (more = false) =>
      guard(async () => {
        const page = await callProcedure<{ items: InboxMessage[]; nextCursor: string | null }>('smsCapture.inbox.list', input(more ? nextCursor.value : null));
        messages.value = more ? [...messages.value, ...page.items] : page.items;
        nextCursor.value = page.nextCursor;
        if (!more) selected.value = new Set();
      });

    const createLead = (id: string) => guard(async () => void (await callProcedure('smsCapture.inbox.createLead', { messageId: id }, 'mutation'))).then(() => load());
    const dismiss = (id: string) => guard(async () => void (await callProcedure('smsCapture.inbox.dismiss', { messageId: id }, 'mutation'))).then(() => load());
    const createSelected = () =>
      guard(async () => {
        const { results } = await callProcedure<{ results: { messageId: string; error: string | null }[] }>(
          'smsCapture.inbox.createLeads',
          { messageIds: [...selected.value] },
          'mutation',
        );
        const failed = results.filter((r) => r.error !== null);
        if (failed.length > 0) throw new Error(failed.map((r) => r.error).join('\n'));
      }).then(() => load());

    onMounted(async () => {
      // Agents may not list lines (a manager's screen): the filter then offers all lines only.
      lines.value = await callProcedure<LineView[]>('smsCapture.lines.list').catch(() => []);
      await load();
    });

    const lineName = (id: string) => lines.value.find((l) => l.id === id)?.name ?? '—';
    const toggle = (id: string, on: boolean) => {
      const next = new Set(selected.value);
      if (on) next.add(id);
      else next.delete(id);
      selected.value = next;
    };
    const selectable = () => messages.value.filter((m) => !m.handled);
    const toggleAll = (on: boolean) => (selected.value = new Set(on ? selectable().map((m) => m.id) : []));

    const status = (m: InboxMessage) => {
      const t = text();
      if (m.handling === 'dismissed') return h(VChip, { size: 'small', variant: 'tonal' }, () => t.dismissed);
      if (m.leadId) return h(VBtn, { size: 'small', variant: 'text', color: 'primary', href: `/leads/${m.leadId}` }, () => t.openLead);
      return h(VChip, { size: 'small', variant: 'tonal', color: m.handled ? 'success' : 'warning' }, () => (m.handled ? t.yes : t.no));
    };

    const filters = () => {
      const t = text();
      return h('form', { class: 'd-flex flex-wrap align-center ga-2 mb-3', onSubmit: (e: Event) => (e.preventDefault(), load()) }, [
        h(VSelect, {
          modelValue: filter.value.lineId,
          'onUpdate:modelValue': (v: string) => ((filter.value.lineId = v), load()),
          items: [{ title: t.allLines, value: '' }, ...lines.value.map((l) => ({ title: `${l.name} (${l.number})`, value: l.id }))],
          label: t.line,
          density: 'compact',
          hideDetails: true,
          style: 'min-width: 180px; max-width: 280px',
        }),
        h(VTextField, {
          modelValue: filter.value.search,
          'onUpdate:modelValue': (v: string | null) => (filter.value.search = v ?? ''),
          label: t.search,
          type: 'search',
          prependInnerIcon: 'mdi-magnify',
          density: 'compact',
          hideDetails: true,
          clearable: true,
          'onClick:clear': () => ((filter.value.search = ''), load()),
          style: 'min-width: 180px; max-width: 320px',
        }),
        h(Switch, {
          modelValue: filter.value.unhandled,
          'onUpdate:modelValue': (v: boolean | null) => ((filter.value.unhandled = !!v), load()),
          label: t.unhandledOnly,
          color: 'primary',
          density: 'compact',
          hideDetails: true,
          class: 'flex-grow-0',
        }),
        h(VBtn, { type: 'submit', variant: 'tonal', disabled: busy.value, prependIcon: 'mdi-magnify' }, () => t.search),
        h(
          VBtn,
          { color: 'primary', disabled: busy.value || selected.value.size === 0, onClick: createSelected, prependIcon: 'mdi-account-plus', 'data-testid': 'sms-create-selected' },
          () => `${t.createLeads} (${formatNumber(selected.value.size, locale.value)})`,
        ),
      ]);
    };

    const row = (m: InboxMessage) => {
      const t = text();
      return h('tr', { key: m.id }, [
        h(
          'td',
          m.handled
            ? ''
            : h(CheckboxBtn, {
                modelValue: selected.value.has(m.id),
                'onUpdate:modelValue': (on: boolean) => toggle(m.id, on),
                'aria-label': `${t.select}: ${m.from}`,
                density: 'compact',
              }),
        ),
        h('td', h('bdi', { dir: 'ltr' }, m.from)),
        h('td', h('bdi', lineName(m.lineId))),
        h('td', { title: m.lastError ?? undefined, style: 'min-width: 200px; white-space: pre-line' }, h('bdi', m.text)),
        h('td', { class: 'text-no-wrap' }, when(m.receivedAt)),
        h('td', status(m)),
        h(
          'td',
          { class: 'text-no-wrap' },
          m.handled
            ? ''
            : [
                h(VBtn, { size: 'small', variant: 'tonal', color: 'primary', class: 'me-1', disabled: busy.value, onClick: () => createLead(m.id) }, () => t.createLead),
                h(VBtn, { size: 'small', variant: 'text', disabled: busy.value, onClick: () => dismiss(m.id) }, () => t.dismiss),
              ],
        ),
      ]);
    };

    return () => {
      const t = text();
      const open = selectable();
      const allOn = open.length > 0 && open.every((m) => selected.value.has(m.id));
      return h('section', { class: 'sms-inbox' }, [
        filters(),
        error.value ? h(VAlert, { type: 'error', variant: 'tonal', class: 'mb-3', role: 'alert', style: 'white-space: pre-line' }, () => error.value) : null,
        !busy.value && messages.value.length === 0 ? h(VAlert, { type: 'info', variant: 'tonal' }, () => t.noMessages) : null,
        messages.value.length > 0
          ? h(VTable, { density: 'comfortable', class: 'overflow-x-auto', 'data-testid': 'sms-inbox' }, () => [
              h(
                'thead',
                h('tr', [
                  h(
                    'th',
                    open.length > 0
                      ? h(CheckboxBtn, { modelValue: allOn, 'onUpdate:modelValue': (on: boolean) => toggleAll(on), 'aria-label': t.selectAll, density: 'compact' })
                      : '',
                  ),
                  ...[t.sender, t.line, t.text, t.time, t.handled, t.actions].map((label) => h('th', { scope: 'col' }, label)),
                ]),
              ),
              h('tbody', messages.value.map(row)),
            ])
          : null,
        nextCursor.value ? h(VBtn, { variant: 'text', class: 'mt-2', disabled: busy.value, onClick: () => load(true) }, () => t.more) : null,
      ]);
    };
  },
});
