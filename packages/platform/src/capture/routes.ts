import { createHash, randomUUID } from 'node:crypto';
import { localeFromHeaders, type Services } from '@sarnakh/api';
import { fieldError, leadInputSchema, zodIssuesToFieldErrors, type LeadFailure, type Locale } from '@sarnakh/core';
import { createApiKeyRepository, createCaptureGuards, type ApiKey, type RateLimitHit } from '@sarnakh/db';
import { Hono, type Context } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { bodyFormat, parseBody } from './body.js';
import { clientAddress, type TrustProxy } from './client-ip.js';
import { message } from './messages.js';
import type { CaptureErrorBody, CaptureErrorCode } from './schemas.js';

/** The form field people leave empty and bots fill in (form keys only; see docs/capture.md). The snippet from `apiKeys.create` writes the same name. */
export const HONEYPOT_FIELD = 'website_url';
export const IDEMPOTENCY_KEY_MAX = 200;
export const DEFAULT_FORM_LIMIT_PER_IP = 10;

export interface CaptureOptions {
  /** Believe X-Forwarded-For from this many proxies (default: no, the socket's address counts). */
  trustProxy?: TrustProxy;
  /** Requests per minute one client address may send with one form key. */
  formLimitPerIpPerMinute?: number;
  /** The clock for rate-limit windows, key expiry and idempotency (tests). */
  now?: () => Date;
}

type Env = { Variables: RequestIdVariables };

/** One answer, as stored for idempotent replays. */
interface Answer {
  status: ContentfulStatusCode;
  body: Record<string, unknown>;
}

const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Accept-Language, X-Sarnakh-Locale';
const CORS_EXPOSE_HEADERS = 'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Idempotent-Replayed';

function failure(status: ContentfulStatusCode, code: CaptureErrorCode, text: string, extra: Omit<CaptureErrorBody['error'], 'code' | 'message'> = {}): Answer {
  const body: CaptureErrorBody = { error: { code, message: text, ...extra } };
  return { status, body };
}

function leadFailure(problem: LeadFailure, locale: Locale): Answer {
  switch (problem.code) {
    case 'VALIDATION':
      return failure(400, 'BAD_REQUEST', message('invalidFields', locale), { fields: problem.fields });
    case 'DUPLICATE':
      return failure(409, 'CONFLICT', message('duplicate', locale, { field: problem.field, id: problem.id }), {
        duplicateOf: problem.id,
        matchedOn: problem.field,
      });
    case 'FORBIDDEN':
      return failure(403, 'FORBIDDEN', message('forbidden', locale, { reason: problem.reason }));
    case 'NOT_FOUND':
      return failure(404, 'NOT_FOUND', message('notFound', locale, { id: problem.id }));
    case 'CONFLICT':
    case 'MERGED':
      return failure(409, 'CONFLICT', message('conflict', locale, { id: problem.id }));
  }
}

const secondsUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/**
 * `POST /leads` (web-to-lead) and its CORS preflight. Plain Hono, not tRPC: this is the one route
 * outsiders can hit hundreds of times a second. Order matters and is cheapest-first: the key, its
 * origin, the rate limits, idempotency, then the body and the ingest pipeline.
 */
export function captureRoutes(services: Services, logger: Logger, options: CaptureOptions = {}) {
  const keys = createApiKeyRepository(services.database.db);
  const guards = createCaptureGuards(services.database.db);
  const now = options.now ?? (() => new Date());
  const formLimitPerIp = options.formLimitPerIpPerMinute ?? DEFAULT_FORM_LIMIT_PER_IP;
  const app = new Hono<Env>();

  function rateHeaders(c: Context<Env>, hit: RateLimitHit, at: Date): void {
    c.header('RateLimit-Limit', String(hit.limit));
    c.header('RateLimit-Remaining', String(hit.remaining));
    c.header('RateLimit-Reset', String(secondsUntil(hit.resetAt, at)));
  }

  /** Count the request against the key (and, for form keys, the visitor's address); null when it may go on. */
  async function limit(c: Context<Env>, key: ApiKey, at: Date, locale: Locale): Promise<Answer | null> {
    const hits: RateLimitHit[] = [];
    if (key.kind === 'form') {
      // The visitor's bucket first: a visitor over their limit does not spend the key's budget.
      const address = clientAddress(c, options.trustProxy);
      hits.push(await guards.hitRateLimit(`capture:ip:${key.id}:${address}`, formLimitPerIp, at));
    }
    if (hits.every((h) => h.allowed)) hits.push(await guards.hitRateLimit(`capture:key:${key.id}`, key.rateLimitPerMinute, at));
    const denied = hits.find((h) => !h.allowed);
    const tightest = denied ?? hits.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    rateHeaders(c, tightest, at);
    if (!denied) return null;
    const seconds = secondsUntil(denied.resetAt, at);
    c.header('Retry-After', String(seconds));
    return failure(429, 'TOO_MANY_REQUESTS', message('rateLimited', locale, { seconds }));
  }

  /** The request's body through the ingest pipeline, as an answer (never throws for bad input). */
  async function capture(c: Context<Env>, key: ApiKey, raw: string, locale: Locale): Promise<Answer> {
    const format = bodyFormat(c.req.header('content-type'));
    if (!format.ok) return failure(415, 'UNSUPPORTED_MEDIA_TYPE', message('unsupportedType', locale));
    const parsed = parseBody(format.value, raw);
    if (!parsed.ok) {
      const text = message(parsed.error.code === 'INVALID_JSON' ? 'invalidJson' : 'notAnObject', locale);
      return failure(400, 'BAD_REQUEST', text, { fields: [fieldError('input', 'invalid_type', locale)] });
    }
    const fields = parsed.value;
    if (key.kind === 'form') {
      const honeypot = fields[HONEYPOT_FIELD];
      delete fields[HONEYPOT_FIELD];
      if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined && honeypot !== null) {
        // Answer like a success, so the bot learns nothing to adapt to.
        logger.info({ requestId: c.get('requestId'), apiKeyId: key.id }, 'capture: honeypot filled, nothing stored');
        return { status: 201, body: { id: randomUUID() } };
      }
    }
    const input = leadInputSchema.safeParse(fields);
    if (!input.success) {
      return failure(400, 'BAD_REQUEST', message('invalidFields', locale), { fields: zodIssuesToFieldErrors(input.error.issues, locale) });
    }
    const { duplicatePolicy = 'attach', ...defaults } = key.defaults;
    const result = await services.leads.ingest({
      input: input.data,
      actor: null,
      duplicatePolicy,
      origin: { channel: 'capture', detail: { apiKeyId: key.id } },
      defaults,
      locale,
    });
    if (!result.ok) {
      const problem = result.error;
      if (problem.code === 'VALIDATION') {
        // A default the admin set (an owner since deactivated, a retired source) fails every
        // submission, and the sender cannot fix it: say so where an admin will look.
        const given = input.data as Record<string, unknown>;
        const fromKey = problem.fields.filter((f) => f.field in defaults && (given[f.field] === undefined || given[f.field] === null));
        if (fromKey.length > 0) logger.warn({ apiKeyId: key.id, fields: fromKey.map((f) => f.field) }, "capture: the API key's defaults are no longer valid");
      }
      return leadFailure(problem, locale);
    }
    const outcome = result.value;
    return outcome.status === 'created'
      ? { status: 201, body: { id: outcome.lead.id } }
      : { status: 200, body: { id: outcome.lead.id, duplicateOf: outcome.duplicateOf } };
  }

  const reply = (c: Context<Env>, answer: Answer) => c.json(answer.body, answer.status);

  // A preflight has no key to check: an origin some active form key allows is let through, and
  // the real request is then held to its own key's list.
  app.options('/leads', async (c) => {
    c.header('Vary', 'Origin');
    const origin = c.req.header('origin');
    const locale = localeFromHeaders(c.req.raw.headers);
    if (!origin || !(await keys.isAllowedFormOrigin(origin, now()))) {
      return reply(c, failure(403, 'FORBIDDEN', message('originRefused', locale)));
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
    c.header('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  });

  app.post('/leads', async (c) => {
    const at = now();
    const locale = localeFromHeaders(c.req.raw.headers);
    c.header('Cache-Control', 'no-store');

    const token = bearerToken(c.req.header('authorization'));
    const key = token === null ? null : await keys.findByKey(token, at);
    if (!key) {
      c.header('WWW-Authenticate', token === null ? 'Bearer' : 'Bearer error="invalid_token"');
      return reply(c, failure(401, 'UNAUTHORIZED', message(token === null ? 'missingKey' : 'invalidKey', locale)));
    }

    if (key.kind === 'form') {
      c.header('Vary', 'Origin');
      const origin = c.req.header('origin');
      // Browsers always send Origin on a cross-site POST; a form key without one is not in a browser.
      if (!origin || !key.allowedOrigins.includes(origin)) return reply(c, failure(403, 'FORBIDDEN', message('originRefused', locale)));
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
    }

    const limited = await limit(c, key, at, locale);
    if (limited) return reply(c, limited);
    await keys.touch(key.id, at);

    const idempotencyKey = c.req.header('idempotency-key');
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX)) {
      const code = idempotencyKey.length === 0 ? 'required' : 'too_long';
      return reply(c, failure(400, 'BAD_REQUEST', message('badIdempotencyKey', locale), { fields: [fieldError('Idempotency-Key', code, locale)] }));
    }
    const raw = await c.req.text();
    if (idempotencyKey === undefined) return reply(c, await capture(c, key, raw, locale));

    const requestHash = createHash('sha256').update(raw).digest('hex');
    const start = await guards.beginCaptureRequest(key.id, idempotencyKey, requestHash, at);
    switch (start.kind) {
      case 'replay':
        c.header('Idempotent-Replayed', 'true');
        return reply(c, { status: start.status as ContentfulStatusCode, body: start.response });
      case 'in_progress':
        c.header('Retry-After', '1');
        return reply(c, failure(409, 'CONFLICT', message('inProgress', locale)));
      case 'mismatch':
        return reply(c, failure(422, 'UNPROCESSABLE_CONTENT', message('keyReused', locale)));
      case 'new':
        break;
    }
    let answer: Answer;
    try {
      answer = await capture(c, key, raw, locale);
    } catch (error) {
      // Free the key so the client's retry runs again; the app's error handler answers 500.
      await guards.abandonCaptureRequest(key.id, idempotencyKey).catch((e: unknown) => logger.warn({ err: e }, 'capture: could not free an idempotency key'));
      throw error;
    }
    // A stored 5xx would replay a passing fault for a day; only final answers are kept.
    if (answer.status < 500) await guards.finishCaptureRequest(key.id, idempotencyKey, answer.status, answer.body);
    else await guards.abandonCaptureRequest(key.id, idempotencyKey);
    return reply(c, answer);
  });

  return app;
}
