import { callProcedure } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref } from 'vue';
import { checkedOf, errorText, text, valueOf, when } from './labels.js';
import type { InboxMessage, LineView } from './types.js';

/**
 * Received messages, newest first: sender, line, text, time and whether someone handled it; one
 * click makes a lead of a message, or of every selected one.
 */
export default defineComponent({
  name: 'SmsInboxPage',
  setup() {
    const t = text();
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
      ...(filter.value.search ? { search: filter.value.search } : {}),
      ...(cursor ? { cursor } : {}),
    });

    const guard = async (work: () => Promise<void>) => {
      busy.value = true;
      try {
        await work();
        error.value = null;
      } catch (e) {
        error.value = errorText(e);
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
      await guard(async () => {
        lines.value = await callProcedure<LineView[]>('smsCapture.lines.list').catch(() => []);
      });
      await load();
    });

    const lineName = (id: string) => lines.value.find((l) => l.id === id)?.name ?? '—';
    const toggle = (id: string, on: boolean) => {
      const next = new Set(selected.value);
      if (on) next.add(id);
      else next.delete(id);
      selected.value = next;
    };
    const status = (m: InboxMessage) =>
      m.handling === 'dismissed' ? t.dismissed : m.leadId ? h('a', { href: `/leads/${m.leadId}` }, t.openLead) : m.handled ? t.yes : t.no;

    return () =>
      h('section', { class: 'sms-inbox' }, [
        h('form', { class: 'sms-inbox-filters', onSubmit: (e: Event) => (e.preventDefault(), load()) }, [
          h(
            'select',
            { value: filter.value.lineId, onChange: (e: Event) => ((filter.value.lineId = valueOf(e)), load()) },
            [h('option', { value: '' }, t.allLines), ...lines.value.map((l) => h('option', { value: l.id }, `${l.name} (${l.number})`))],
          ),
          h('label', [
            h('input', { type: 'checkbox', checked: filter.value.unhandled, onChange: (e: Event) => ((filter.value.unhandled = checkedOf(e)), load()) }),
            ` ${t.unhandledOnly}`,
          ]),
          h('input', { type: 'search', placeholder: t.search, value: filter.value.search, onInput: (e: Event) => (filter.value.search = valueOf(e)) }),
          h('button', { type: 'submit', disabled: busy.value }, t.search),
          h('button', { type: 'button', disabled: busy.value || selected.value.size === 0, onClick: createSelected }, `${t.createLeads} (${selected.value.size})`),
        ]),
        error.value ? h('p', { class: 'text-error', role: 'alert', style: 'white-space: pre-line' }, error.value) : null,
        h('table', [
          h('thead', h('tr', ['', t.sender, t.line, t.text, t.time, t.handled, ''].map((label) => h('th', label)))),
          h(
            'tbody',
            messages.value.map((m) =>
              h('tr', { key: m.id, class: m.handled ? 'handled' : '' }, [
                h('td', m.handled ? '' : h('input', { type: 'checkbox', checked: selected.value.has(m.id), onChange: (e: Event) => toggle(m.id, checkedOf(e)) })),
                h('td', h('bdi', { dir: 'ltr' }, m.from)),
                h('td', lineName(m.lineId)),
                h('td', { title: m.lastError ?? undefined }, h('bdi', m.text)),
                h('td', when(m.receivedAt)),
                h('td', status(m)),
                h(
                  'td',
                  m.handled
                    ? ''
                    : [
                        h('button', { type: 'button', disabled: busy.value, onClick: () => createLead(m.id) }, t.createLead),
                        h('button', { type: 'button', disabled: busy.value, onClick: () => dismiss(m.id) }, t.dismiss),
                      ],
                ),
              ]),
            ),
          ),
        ]),
        nextCursor.value ? h('button', { type: 'button', disabled: busy.value, onClick: () => load(true) }, t.more) : null,
      ]);
  },
});
