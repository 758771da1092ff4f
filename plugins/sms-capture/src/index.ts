import { captureChannels, definePlugin } from '@sarnakh/plugin-sdk';
import { z } from 'zod';
import { captureMessage, CaptureError } from './capture.js';
import { mountInbound } from './inbound.js';
import { migrations } from './migrations.js';
import { pollable, pollLine } from './poll.js';
import { smsCaptureRouter } from './router.js';
import { smsCaptureSettings } from './settings.js';
import { allLines, lineById, pendingMessages } from './store.js';

export { smsCaptureSettings, type SmsCaptureSettings } from './settings.js';
export { matchKeywords, keywordRuleSchema, type KeywordRule, type KeywordMatch } from './keywords.js';
export {
  providers,
  providerIds,
  signBody,
  twilioSignature,
  SIGNATURE_HEADER,
  TWILIO_SIGNATURE_HEADER,
  ProviderError,
  type ProviderAdapter,
  type ProviderId,
  type InboundSms,
  type PushRequest,
  type LineAccess,
  type Acknowledgement,
  type SentSms,
  type Fetch,
} from './providers/index.js';
export { inboundPath } from './inbound.js';
export type { Sent, SendFailure } from './outbound.js';
export type { Line, StoredMessage, Handling } from './store.js';
export type { Captured, CaptureFailure } from './capture.js';
export { smsCaptureRouter } from './router.js';

/**
 * Inbound SMS become leads: gateways push to `/api/plugins/sms-capture/inbound/:lineId`, each
 * message is stored once and acknowledged, and durable jobs turn it into a lead (or an SMS on the
 * timeline of the lead the sender already is). Polling catches what pushes miss.
 */
export const smsCapturePlugin = definePlugin({
  id: 'sms-capture',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: smsCaptureSettings,
  migrations,

  provide(ctx) {
    ctx.register(captureChannels, {
      id: 'sms',
      label: { fa: 'پیامک', ar: 'رسالة نصية', en: 'SMS' },
      defaults: { source: 'sms', channel: 'sms' },
    });
  },

  router: smsCaptureRouter,

  routes(app, runtime) {
    mountInbound(app, runtime);
  },

  jobs: {
    /** Lead work for one stored message of an auto-mode line. A failure throws, so it is retried; the message stays stored. */
    process: {
      data: z.object({ messageId: z.uuid() }),
      async handler(job, { services }) {
        const result = await captureMessage(services, job.data.messageId, { mode: 'auto', actor: null });
        if (!result.ok && result.error.code === 'LEAD') throw new CaptureError(result.error);
      },
      retryLimit: 5,
      retryDelaySeconds: 15,
    },

    /**
     * The safety net: auto-mode messages without a lead a while after they arrived (their job
     * could not be queued, or used up its retries) get their lead work here.
     */
    sweep: {
      data: z.object({ olderThanSeconds: z.number().int().min(0).max(86_400).default(120) }),
      async handler(job, { services }) {
        const before = new Date(Date.now() - job.data.olderThanSeconds * 1000);
        for (const messageId of await pendingMessages(services.database.raw, before, 500)) {
          const result = await captureMessage(services, messageId, { mode: 'auto', actor: null }).catch((error: unknown) => {
            services.logger.error('SMS lead work failed', { messageId, error: String(error) });
            return null;
          });
          if (result && !result.ok && result.error.code === 'LEAD') {
            services.logger.warn('SMS lead work failed', { messageId, failure: JSON.stringify(result.error.failure) });
          }
        }
      },
      retryLimit: 0,
      schedule: { cron: '*/5 * * * *', data: { olderThanSeconds: 120 } },
    },

    /** Every few minutes, one `poll-line` job per line that can be polled. */
    poll: {
      data: z.object({}),
      async handler(_job, { services }) {
        for (const line of await allLines(services.database.raw)) {
          if (pollable(line)) await services.jobs.send('poll-line', { lineId: line.id }, { singletonKey: line.id });
        }
      },
      retryLimit: 0,
      schedule: { cron: '*/5 * * * *', data: {} },
    },

    'poll-line': {
      data: z.object({ lineId: z.uuid() }),
      async handler(job, { services }) {
        const line = await lineById(services.database.raw, job.data.lineId);
        if (line && pollable(line)) await pollLine(services, line, globalThis.fetch);
      },
      retryLimit: 2,
      retryDelaySeconds: 30,
    },
  },

  admin: { entry: '@sarnakh/plugin-sms-capture/admin' },
});

export default smsCapturePlugin;
