import type { LeadEventSink } from '../lead/ingest.js';
import type { LeadEvents } from '../plugins/hooks.js';

/** One event and its payload, typed by name. */
export type FollowUpEvent = { [K in keyof LeadEvents & string]: { name: K; payload: LeadEvents[K] } }[keyof LeadEvents & string];

/** Tell the plugins, in order, after the commit; a handler's failure is the hook bus's to report. */
export async function emitAll(sink: LeadEventSink | undefined, events: readonly FollowUpEvent[]): Promise<void> {
  if (!sink) return;
  for (const event of events) await sink.emit(event.name, event.payload as never);
}
