import type { PluginRuntime } from '@sarnakh/plugin-sdk';
import type { Context, Hono } from 'hono';
import { providers, type PushRequest } from './providers/index.js';
import type { SmsCaptureSettings } from './settings.js';
import { lineById, storeMessage, type Line } from './store.js';

export const PLUGIN_ID = 'sms-capture';
export const inboundPath = (lineId: string) => `/api/plugins/${PLUGIN_ID}/inbound/${lineId}`;

/** The address a line's provider should call; relative when no public base URL is set (the web app prefixes its own origin). */
export function webhookUrl(settings: SmsCaptureSettings, line: Pick<Line, 'id' | 'provider' | 'secret'>): string {
  const path = inboundPath(line.id);
  const query = providers[line.provider].secretInUrl ? `?secret=${encodeURIComponent(line.secret)}` : '';
  return `${settings.publicBaseUrl.replace(/\/+$/, '')}${path}${query}`;
}

/** The URL as the provider called it: signatures (Twilio's) cover the public address, not the one behind a proxy. */
function publicUrl(requestUrl: string, publicBaseUrl: string): string {
  if (!publicBaseUrl) return requestUrl;
  const url = new URL(requestUrl);
  return `${publicBaseUrl.replace(/\/+$/, '')}${url.pathname}${url.search}`;
}

const problem = (c: Context, status: 400 | 401 | 404 | 405, code: string, message: string, fields?: { field: string; code: string; message: string }[]) =>
  c.json({ error: { code, message, ...(fields ? { fields } : {}) } }, status);

/**
 * `POST|GET /api/plugins/sms-capture/inbound/:lineId`. The signature (or the secret in the URL) is
 * checked on the raw request before anything parses it; each message is stored once, and then
 * acknowledged the way its provider expects. Lead work is queued, never done here: a push is
 * answered in the time of one insert.
 */
export function mountInbound(app: Hono, runtime: PluginRuntime<SmsCaptureSettings>): void {
  app.on(['POST', 'GET'], '/inbound/:lineId', async (c) => {
    const { database, jobs, logger } = runtime.services;
    const line = await lineById(database.raw, c.req.param('lineId'));
    if (!line) return problem(c, 404, 'NOT_FOUND', 'No such SMS line.');
    const adapter = providers[line.provider];
    if (c.req.method === 'GET' && !adapter.secretInUrl) return problem(c, 405, 'METHOD_NOT_ALLOWED', `${line.provider} pushes are POSTs.`);

    const url = publicUrl(c.req.url, runtime.settings().publicBaseUrl);
    const request: PushRequest = {
      method: c.req.method,
      url,
      headers: c.req.raw.headers,
      body: c.req.method === 'GET' ? '' : await c.req.text(),
      query: new URL(c.req.url).searchParams,
    };
    const refused = adapter.verify(request, line);
    if (refused) {
      logger.warn('refused an SMS push', { lineId: line.id, reason: refused.reason });
      return problem(c, 401, 'UNAUTHORIZED', 'The push is not signed by this line.');
    }
    const parsed = adapter.parse(request, line);
    if (!parsed.ok) {
      const { field, reason } = parsed.failure as { field: string; reason: string };
      return problem(c, 400, 'BAD_REQUEST', 'The push is not a message.', [{ field, code: 'invalid_value', message: reason }]);
    }

    for (const message of parsed.messages) {
      const stored = await storeMessage(database.raw, line.id, message, line.autoCreate);
      if (stored?.auto) {
        // Stored already: if queuing fails, the sweep finds the message and does the lead work.
        await jobs.send('process', { messageId: stored.id }, { singletonKey: stored.id }).catch((error: unknown) => {
          logger.error('could not queue an SMS for lead work', { messageId: stored.id, error: String(error) });
        });
      }
    }
    const ack = adapter.acknowledge();
    return c.body(ack.body, ack.status as 200, { 'content-type': ack.contentType });
  });
}
