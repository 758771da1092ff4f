import type { PluginServices } from '@sarnakh/plugin-sdk';
import { providers, type Fetch } from './providers/index.js';
import { recordPoll, storeMessage, type Line } from './store.js';

/** Whether the line's provider can be polled and the line has what it needs to. */
export const pollable = (line: Line): boolean =>
  providers[line.provider].poll !== undefined && providers[line.provider].requiredCredentials.every((key) => Boolean(line.credentials[key]));

/**
 * Ask the provider for the line's received messages and store those a push missed (the rest are
 * repeats and stored nothing). New auto-mode messages are queued for lead work like pushed ones.
 * Returns how many were new.
 */
export async function pollLine(services: PluginServices, line: Line, fetch: Fetch): Promise<number> {
  const adapter = providers[line.provider];
  if (!adapter.poll) return 0;
  let stored = 0;
  try {
    for (const message of await adapter.poll(line, fetch)) {
      const row = await storeMessage(services.database.raw, line.id, message, line.autoCreate);
      if (!row) continue;
      stored++;
      if (row.auto) await services.jobs.send('process', { messageId: row.id }, { singletonKey: row.id });
    }
  } catch (error) {
    await recordPoll(services.database.raw, line.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await recordPoll(services.database.raw, line.id, null);
  return stored;
}
