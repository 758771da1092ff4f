import { CORE_VERSION, leadInputSchema } from '@sarnakh/core';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { DEFAULT_FORM_LIMIT_PER_IP, HONEYPOT_FIELD, IDEMPOTENCY_KEY_MAX } from './capture/routes.js';
import { captureAttachedSchema, captureCreatedSchema, captureErrorSchema } from './capture/schemas.js';

type Json = Record<string, unknown>;

/** A zod schema as a JSON Schema 2020-12 object (OpenAPI 3.1's dialect), without the `$schema` line. */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/**
 * The form-encoded variant of the lead input: the same names (derived from the schema, so a new
 * field appears here by itself), every value text, custom fields as `customFields[key]`, and the
 * honeypot.
 */
function leadFormSchema(): Json {
  const properties: Json = {};
  for (const name of Object.keys(leadInputSchema.shape)) {
    if (name === 'customFields') continue;
    properties[name] = name === 'emailOptOut' ? { type: 'string', enum: ['on', 'true', '1', 'yes', 'off', 'false', '0', 'no'] } : { type: 'string' };
  }
  properties[HONEYPOT_FIELD] = {
    type: 'string',
    description: 'Honeypot (form keys only): keep it hidden and empty. When filled, the answer is a 201 with an id, but nothing is stored.',
  };
  return {
    type: 'object',
    description: 'Empty values count as not given; a repeated name keeps its first value.',
    properties,
    patternProperties: { '^customFields\\[[^\\]]+\\]$': { type: 'string' } },
    additionalProperties: false,
  };
}

const errorResponse = (description: string, headers: Json = {}) => ({
  description,
  headers,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/CaptureError' } } },
});

const rateHeaders = {
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
};

/** The OpenAPI 3.1 document of the REST routes (tRPC has its own typed client and is not listed). */
export function openApiDocument(plugins: readonly { id: string; routes?: unknown }[] = []): Json {
  const withRoutes = plugins.filter((p) => p.routes !== undefined).map((p) => `/api/plugins/${p.id}/`);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sarnakh REST API',
      version: CORE_VERSION,
      description: [
        'The plain HTTP routes of Sarnakh: web-to-lead capture and the health check.',
        'The web app and integrators use the typed tRPC API at `/trpc` for everything else.',
        'Plugins add their own routes under `/api/plugins/<id>/`; each plugin documents them.' +
          (withRoutes.length > 0 ? ` Installed here: ${withRoutes.map((p) => `\`${p}\``).join(', ')}.` : ''),
      ].join('\n\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags: [
      { name: 'capture', description: 'Web-to-lead: every submission goes through the ingest pipeline (normalize, validate, deduplicate, score, distribute).' },
      { name: 'operations', description: 'For load balancers and monitoring.' },
      { name: 'plugins', description: 'Routes plugins mount under `/api/plugins/<id>/`; see each plugin.' },
    ],
    paths: {
      '/api/capture/leads': {
        post: {
          operationId: 'captureLead',
          tags: ['capture'],
          summary: 'Capture a lead',
          description: [
            'Send a lead with an API key (`Authorization: Bearer sk_live_…` or a form key `pk_live_…`).',
            'The key supplies defaults (source, channel, owner, stage, priority) for fields left empty, and the duplicate policy (default `attach`).',
            `Form keys: the request's \`Origin\` must be one of the key's allowed origins, each client address may send ${DEFAULT_FORM_LIMIT_PER_IP} requests a minute, and the \`${HONEYPOT_FIELD}\` field is a honeypot.`,
            'Unknown fields are refused by name. Validation messages follow `Accept-Language` or `X-Sarnakh-Locale` (fa, ar, en).',
          ].join('\n\n'),
          security: [{ apiKey: [] }],
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'Any unique string up to 200 characters. The first answer (2xx or 4xx) is stored for 24 hours and replayed to retries with the same body (`Idempotent-Replayed: true`); a different body gets 422, a retry while the first is still running gets 409.',
              schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX },
            },
            { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string', examples: ['fa', 'ar', 'en'] } },
            { name: 'X-Sarnakh-Locale', in: 'header', required: false, schema: { type: 'string', enum: ['fa', 'ar', 'en'] } },
            { name: 'Origin', in: 'header', required: false, description: 'Required with a form key (browsers send it).', schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/LeadInput' }, example: { firstName: 'سارا', mobile: '09121234567', email: 'sara@example.com' } },
              'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/LeadFormInput' } },
            },
          },
          responses: {
            '201': {
              description: 'A new lead was created.',
              headers: rateHeaders,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/CaptureCreated' } } },
            },
            '200': {
              description: 'The submission matched an existing lead by mobile, phone or email and was logged on it (duplicate policy `attach`).',
              headers: rateHeaders,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/CaptureAttached' } } },
            },
            '400': errorResponse('Fields are not valid, unknown, or the body is not JSON: `error.fields` names each one.'),
            '401': errorResponse('No key, or the key is wrong, revoked or expired.', {
              'WWW-Authenticate': { schema: { type: 'string' }, description: '`Bearer` (no key) or `Bearer error="invalid_token"`.' },
            }),
            '403': errorResponse("A form key used without an Origin, or from an origin not in the key's list."),
            '409': errorResponse('The duplicate policy `reject` refused it (`error.duplicateOf` names the existing lead), or a request with the same Idempotency-Key is still running.'),
            '415': errorResponse('The body is neither JSON nor form-encoded.'),
            '422': errorResponse('The Idempotency-Key was used before with a different body.'),
            '429': errorResponse('Over the key\'s per-minute limit (or, for form keys, the per-address limit).', {
              'Retry-After': { schema: { type: 'integer' }, description: 'Seconds until the window resets.' },
              ...rateHeaders,
            }),
          },
        },
        options: {
          operationId: 'captureLeadPreflight',
          tags: ['capture'],
          summary: 'CORS preflight for form keys',
          description: 'Answers with the Origin when some active form key allows it.',
          responses: {
            '204': { description: 'Allowed: `Access-Control-Allow-Origin` echoes the origin.' },
            '403': errorResponse('No active form key allows this origin.'),
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          tags: ['operations'],
          summary: 'Health check',
          responses: {
            '200': {
              description: 'Serving, and the database answers.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
            },
            '503': {
              description: 'The database does not answer.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key made by an admin (`apiKeys.create`): `sk_live_…` for servers, `pk_live_…` for web forms.',
        },
      },
      headers: {
        'RateLimit-Limit': { schema: { type: 'integer' }, description: 'Requests allowed in the current one-minute window.' },
        'RateLimit-Remaining': { schema: { type: 'integer' }, description: 'Requests left in the window.' },
        'RateLimit-Reset': { schema: { type: 'integer' }, description: 'Seconds until the window resets.' },
      },
      schemas: {
        LeadInput: jsonSchema(leadInputSchema),
        LeadFormInput: leadFormSchema(),
        CaptureCreated: jsonSchema(captureCreatedSchema),
        CaptureAttached: jsonSchema(captureAttachedSchema),
        CaptureError: jsonSchema(captureErrorSchema),
        Health: jsonSchema(z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['embedded', 'postgres']) })),
      },
    },
  };
}

const methods = ['get', 'post', 'put', 'patch', 'delete', 'options'] as const;

/**
 * A readable page rendered from the document on the server: no script and nothing fetched from
 * elsewhere, so it works offline and behind strict networks.
 */
function docsPage(doc: Json) {
  const info = doc.info as { title: string; version: string; description: string };
  const paths = doc.paths as Record<string, Partial<Record<(typeof methods)[number], Json>>>;
  const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    methods.filter((m) => item[m] !== undefined).map((method) => ({ path, method, op: item[method]! })),
  );
  // The descriptions are CommonMark for other tools; here only `code` spans are worth rendering.
  const inline = (text: string) => text.split('`').map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part));
  const paragraphs = (text: unknown) => String(text ?? '').split('\n\n').map((p) => html`<p>${inline(p)}</p>`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${info.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2937}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}pre{background:#f3f4f6;padding:.75rem;overflow:auto;max-height:24rem}
section{border:1px solid #e5e7eb;border-radius:.5rem;padding:0 1rem;margin:1.5rem 0}.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}
table{border-collapse:collapse}td,th{border-bottom:1px solid #e5e7eb;padding:.25rem .75rem;text-align:left;vertical-align:top}</style></head>
<body><h1>${info.title} <small>${info.version}</small></h1>${paragraphs(info.description)}
<p>Machine-readable: <a href="/api/docs/openapi.json"><code>/api/docs/openapi.json</code></a> (OpenAPI 3.1).</p>
${operations.map(({ path, method, op }) => {
  const responses = Object.entries((op.responses ?? {}) as Record<string, { description?: string }>);
  const parameters = (op.parameters ?? []) as { name: string; in: string; description?: string }[];
  return html`<section id="${String(op.operationId ?? `${method}-${path}`)}"><h2><span class="m">${method}</span><code>${path}</code></h2>
<p><strong>${String(op.summary ?? '')}</strong></p>${paragraphs(op.description)}
${parameters.length > 0 ? html`<h3>Headers</h3><table>${parameters.map((p) => html`<tr><th><code>${p.name}</code></th><td>${inline(p.description ?? '')}</td></tr>`)}</table>` : ''}
${op.requestBody ? html`<h3>Body</h3><p>${Object.keys((op.requestBody as { content: Json }).content).map((t) => html`<code>${t}</code> `)} — see the schemas below.</p>` : ''}
<h3>Responses</h3><table>${responses.map(([status, r]) => html`<tr><th>${status}</th><td>${inline(r.description ?? '')}</td></tr>`)}</table></section>`;
})}
<h2>Schemas</h2>${Object.entries(schemas).map(([name, schema]) => html`<h3 id="schema-${name}">${name}</h3><pre>${JSON.stringify(schema, null, 2)}</pre>`)}
</body></html>`;
}

/** `GET /` (the page) and `GET /openapi.json` (the document), built once. */
export function docsRoutes(plugins: readonly { id: string; routes?: unknown }[] = []) {
  const doc = openApiDocument(plugins);
  const app = new Hono();
  app.get('/openapi.json', (c) => c.json(doc));
  app.get('/', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(docsPage(doc));
  });
  return app;
}
