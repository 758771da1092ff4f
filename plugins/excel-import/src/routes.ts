import { randomUUID } from 'node:crypto';
import { localeFromHeaders, type SessionUser } from '@sarnakh/api';
import { leadFields, leadListInputSchema, zodIssuesToFieldErrors, type Lead, type LeadFieldName, type Locale } from '@sarnakh/core';
import type { PluginRuntime } from '@sarnakh/plugin-sdk';
import type { Context, Hono } from 'hono';
import { reportHeaders, uploadMessage } from './messages.js';
import type { ExcelImportSettings } from './settings.js';
import { importStore } from './store.js';
import { inspectFile, receiveFile, UploadError } from './upload.js';
import { streamWorkbook, XLSX_TYPE, type CellValue } from './workbook.js';

const problemStatus = { no_file: 400, too_large: 413, unsupported_format: 415, unreadable: 400, no_header: 400 } as const;

/** Imports are a manager's or admin's tool: a file can hold anyone's leads. */
export const mayImport = (user: SessionUser | null): boolean => user !== null && (user.role === 'admin' || user.role === 'manager');

const fail = (c: Context, status: 401 | 403 | 404, code: string, message: string) => c.json({ error: { code, message } }, status);

async function signedIn(c: Context, runtime: PluginRuntime<ExcelImportSettings>): Promise<SessionUser | null> {
  return runtime.services.sessionUser(c.req.raw.headers);
}

/** Export columns: every built-in field, headed by its label in the caller's language. */
const exportFields = Object.keys(leadFields) as LeadFieldName[];

function exportRow(lead: Lead): CellValue[] {
  return [lead.id, ...exportFields.map((f) => lead[f] as CellValue), lead.score, lead.qualification, lead.createdAt];
}

async function* exportRows(runtime: PluginRuntime<ExcelImportSettings>, user: SessionUser, input: ReturnType<typeof leadListInputSchema.parse>, locale: Locale) {
  let cursor: string | null = null;
  do {
    const page = await runtime.services.leads.list({ userId: user.id, role: user.role }, { ...input, cursor, limit: 200 }, locale);
    if (!page.ok) return;
    for (const lead of page.value.items) yield exportRow(lead);
    cursor = page.value.nextCursor;
  } while (cursor !== null);
}

export function excelImportRoutes(app: Hono, runtime: PluginRuntime<ExcelImportSettings>): void {
  const store = () => importStore(runtime.services.database);

  app.post('/uploads', async (c) => {
    const user = await signedIn(c, runtime);
    const locale = localeFromHeaders(c.req.raw.headers);
    if (!user) return fail(c, 401, 'UNAUTHORIZED', 'Sign in first.');
    if (!mayImport(user)) return fail(c, 403, 'FORBIDDEN', 'Only manager or admin users may import.');
    try {
      const file = await receiveFile(c.req.raw, runtime.services.dataDir, runtime.settings().maxUploadMb * 1024 * 1024);
      const inspected = await inspectFile(file).catch(async (error: unknown) => {
        const { rm } = await import('node:fs/promises');
        await rm(file.path, { force: true });
        if (error instanceof UploadError) throw error;
        // The user is told the file is unreadable; the log keeps what the reader said.
        runtime.services.logger.warn('uploaded file unreadable', { fileName: file.fileName, error: String(error) });
        throw new UploadError('unreadable');
      });
      const upload = { id: randomUUID(), userId: user.id, fileName: file.fileName, format: file.format, path: file.path, size: file.size, ...inspected };
      await store().insertUpload(upload);
      const { path: _path, userId: _userId, ...shown } = upload;
      return c.json({ uploadId: upload.id, ...shown }, 201);
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      if (error.cause !== undefined) runtime.services.logger.warn('upload not received', { problem: error.problem, error: String(error.cause) });
      const field = { field: 'file', code: error.problem, message: uploadMessage(error.problem, locale) };
      return c.json({ error: { code: 'BAD_REQUEST', message: field.message, fields: [field] } }, problemStatus[error.problem]);
    }
  });

  app.get('/jobs/:id/errors.xlsx', async (c) => {
    const user = await signedIn(c, runtime);
    if (!user) return fail(c, 401, 'UNAUTHORIZED', 'Sign in first.');
    const id = c.req.param('id');
    const job = /^[0-9a-f-]{36}$/i.test(id) ? await store().job(id) : null;
    if (!job || !mayImport(user)) return fail(c, 404, 'NOT_FOUND', 'No such import.');
    const upload = await store().upload(job.uploadId);
    const locale = localeFromHeaders(c.req.raw.headers);
    const headers = upload?.headers ?? [];
    async function* rows() {
      let after = 0;
      for (;;) {
        const page = await store().failures(job!.id, after, 500);
        if (page.length === 0) return;
        for (const f of page) {
          const cells = headers.map((_h, i) => f.cells[i] ?? '');
          yield [f.row, ...cells, f.errors.map((e) => `${e.field}: ${e.message}`).join('\n')];
        }
        after = page.at(-1)!.row;
      }
    }
    const body = streamWorkbook('errors', [reportHeaders.row[locale], ...headers, reportHeaders.errors[locale]], rows(), (error) =>
      runtime.services.logger.error('error workbook failed', { job: job.id, error: String(error) }),
    );
    return new Response(body, { headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="import-${job.id}-errors.xlsx"` } });
  });

  app.get('/export.xlsx', async (c) => {
    const user = await signedIn(c, runtime);
    if (!user) return fail(c, 401, 'UNAUTHORIZED', 'Sign in first.');
    const locale = localeFromHeaders(c.req.raw.headers);
    let raw: unknown = {};
    try {
      raw = JSON.parse(c.req.query('input') ?? '{}');
    } catch {
      raw = null;
    }
    const parsed = leadListInputSchema.safeParse(raw);
    if (!parsed.success) {
      const fields = zodIssuesToFieldErrors(parsed.error.issues, locale);
      return c.json({ error: { code: 'BAD_REQUEST', message: 'Some fields are not valid.', fields } }, 400);
    }
    // Check the filter before streaming starts, so a bad one is a 400 rather than a broken file.
    const first = await runtime.services.leads.list({ userId: user.id, role: user.role }, { ...parsed.data, limit: 1 }, locale);
    if (!first.ok) {
      const fields = first.error.code === 'VALIDATION' ? first.error.fields : [];
      return c.json({ error: { code: 'BAD_REQUEST', message: 'Some fields are not valid.', fields } }, 400);
    }
    const header = ['id', ...exportFields.map((f) => leadFields[f].label[locale]), 'score', 'qualification', 'createdAt'];
    const body = streamWorkbook('leads', header, exportRows(runtime, user, parsed.data, locale), (error) =>
      runtime.services.logger.error('lead export failed', { error: String(error) }),
    );
    return new Response(body, { headers: { 'content-type': XLSX_TYPE, 'content-disposition': 'attachment; filename="leads.xlsx"' } });
  });
}
