import type { PluginServices } from '@sarnakh/plugin-sdk';
import { syncLeads } from './rollup.js';

type Db = PluginServices['database'];

export interface SyncQueue {
  /** Note a lead whose contribution may have changed; returns at once. */
  add(leadId: string): void;
  /** Resolves when every lead noted so far is synced (or its sync failed and was logged). */
  idle(): Promise<void>;
}

const queues = new WeakMap<object, SyncQueue>();

/**
 * Lead events are emitted after their commit, and the emitting request waits for every handler: a
 * handler that synced on the spot would add its transaction to each capture. Events only note the
 * lead instead; one loop per process syncs what has gathered, many leads per transaction under
 * load. Readers in this process call `idle()` first, so they see their own writes; a process that
 * dies with leads noted loses nothing the nightly rebuild does not recount.
 */
export function syncQueue(database: Db, onError: (error: unknown, leadIds: string[]) => void = () => {}): SyncQueue {
  const existing = queues.get(database.raw);
  if (existing) return existing;
  let pending = new Set<string>();
  let running: Promise<void> | null = null;
  const drain = async () => {
    while (pending.size > 0) {
      const ids = [...pending];
      pending = new Set();
      try {
        await syncLeads(database, ids);
      } catch (error) {
        onError(error, ids);
      }
    }
    running = null;
  };
  const queue: SyncQueue = {
    add(leadId) {
      pending.add(leadId);
      running ??= drain();
    },
    idle: () => running ?? Promise.resolve(),
  };
  queues.set(database.raw, queue);
  return queue;
}
