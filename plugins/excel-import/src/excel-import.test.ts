import { rm } from 'node:fs/promises';
import type { SessionUser } from '@sarnakh/api';
import { failure } from '@sarnakh/api/testing';
import { startPlatform } from '@sarnakh/platform';
import { definePlugin, distributionStrategies } from '@sarnakh/plugin-sdk';
import { startTestPlatform, TEST_PASSWORD, type TestPlatform } from '@sarnakh/plugin-testing';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelImportPlugin, neutralize, runImport, suggestMapping } from './index.js';
import { importStore } from './store.js';

/** A distribution strategy for the tests: the first candidate. */
const firstCandidate = definePlugin({
  id: 'first-candidate',
  version: '0.1.0',
  compatibility: '^0.1.0',
  provide(ctx) {
    ctx.register(distributionStrategies, {
      id: 'first-candidate',
      label: { en: 'First', fa: 'اولی', ar: 'الأول' },
      pick: async ({ candidates }) => candidates[0] ?? null,
    });
  },
});
const plugins = [excelImportPlugin, firstCandidate] as const;
let t: TestPlatform<typeof plugins>;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await startTestPlatform({ plugins, settings: { 'excel-import': { batchSize: 50 } } });
  admin = await t.user('admin');
  manager = await t.user('manager');
  agent = await t.user('agent');
});
afterAll(async () => {
  // The uploads this file made, off the disk (the folder is shared by every test run).
  const { rows } = await t.database.executeSql('select path from excel_import_uploads');
  await Promise.all(rows.map((r) => rm((r as { path: string }).path, { force: true })));
  await t.dispose();
});

async function cookieOf(user: SessionUser): Promise<string> {
  const known = cookies.get(user.id);
  if (known) return known;
  const res = await t.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sarnakh.session_token='))!.split(';')[0]!;
  cookies.set(user.id, cookie);
  return cookie;
}

async function xlsx(rows: readonly (readonly (string | number | null)[])[], sheets: string[] = ['Leads']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const name of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of name === sheets[0] ? rows : [['other']]) sheet.addRow([...row]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface UploadResponse {
  uploadId: string;
  sheets: string[];
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: { column: number; field: string }[];
  rowCount: number;
  encoding: string | null;
}

async function upload(file: Buffer, name: string, as: SessionUser = manager): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  return t.request('/api/plugins/excel-import/uploads', { method: 'POST', body: form, headers: { cookie: await cookieOf(as) } });
}

async function uploaded(file: Buffer, name: string): Promise<UploadResponse> {
  const res = await upload(file, name);
  // The body names the problem when the upload is refused.
  expect(res.status, res.status === 201 ? '' : await res.clone().text()).toBe(201);
  return (await res.json()) as UploadResponse;
}

async function readWorkbook(res: Response): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const rows: (string | number | null)[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return rows;
}

/** Run queued imports and return the job as `get` reports it. */
async function finish(jobId: string) {
  await t.runJobs('excel-import.run');
  return t.as(manager).excelImport.get({ jobId });
}

async function leadsByMobile(mobile: string) {
  const { rows } = await t.database.executeSql(`select id, first_name, last_name, company, version from leads where mobile = $1 order by created_at`, [mobile]);
  return rows as { id: string; first_name: string | null; last_name: string | null; company: string | null; version: number }[];
}

describe('suggested mapping', () => {
  it('recognizes headers in Persian, Arabic and English, letter variants folded', () => {
    const fa = suggestMapping(['نام', 'نام خانوادگی', 'تلفن همراه', 'شرکت', 'ایمیل', 'کد ملی'], []);
    expect(fa).toEqual([
      { column: 0, field: 'firstName' },
      { column: 1, field: 'lastName' },
      { column: 2, field: 'mobile' },
      { column: 3, field: 'company' },
      { column: 4, field: 'email' },
      { column: 5, field: 'nationalCode' },
    ]);
    // Arabic yeh and kaf in Persian words, Arabic headers, and a zero-width joiner.
    expect(suggestMapping(['نام خانوادگي', 'موبايل', 'شركت'], [])).toEqual([
      { column: 0, field: 'lastName' },
      { column: 1, field: 'mobile' },
      { column: 2, field: 'company' },
    ]);
    expect(suggestMapping(['الاسم', 'اسم العائلة', 'الجوال', 'البريد الإلكتروني', 'الشركة'], [])).toEqual([
      { column: 0, field: 'firstName' },
      { column: 1, field: 'lastName' },
      { column: 2, field: 'mobile' },
      { column: 3, field: 'email' },
      { column: 4, field: 'company' },
    ]);
    expect(suggestMapping(['First Name', 'Last_Name', 'Mobile', 'E-mail', 'Company Name', 'Notes'], []).map((m) => m.field)).toEqual([
      'firstName',
      'lastName',
      'mobile',
      'email',
      'company',
      'description',
    ]);
  });

  it('recognizes a column by its values when the header says nothing', () => {
    const samples = [
      ['Sara', '۰۹۱۲۱۲۳۴۵۶۷', 'x@y.ir'],
      ['Reza', '09351234567', 'r@y.ir'],
      ['Mina', '+989121112233', ''],
    ];
    expect(suggestMapping(['نام و نام خانوادگی', 'ستون ۲', 'c3'], samples)).toEqual([
      { column: 1, field: 'mobile' },
      { column: 2, field: 'email' },
    ]);
  });

  it('a lone «نام» with no last-name column is the whole name', () => {
    expect(suggestMapping(['نام', 'موبایل'], [])).toEqual([
      { column: 0, field: 'lastName' },
      { column: 1, field: 'mobile' },
    ]);
  });
});

describe('formula neutralization', () => {
  it('prefixes values a spreadsheet would run', () => {
    expect(['=1+1', '+98912', '-2', '@SUM(A1)', '\t=x', 'Sara', '09121234567'].map(neutralize)).toEqual([
      "'=1+1",
      "'+98912",
      "'-2",
      "'@SUM(A1)",
      "'\t=x",
      'Sara',
      '09121234567',
    ]);
  });
});

describe('upload', () => {
  it('streams an .xlsx, answers headers, samples, suggestions and the row count', async () => {
    const file = await xlsx(
      [
        ['نام', 'نام خانوادگی', 'موبایل', 'شرکت'],
        ['سارا', 'محمدی', '۰۹۱۲۱۰۰۰۰۰۱', 'آلفا'],
        [null, null, null, null],
        ['رضا', 'کریمی', '09121000002', 'بتا'],
      ],
      ['Leads', 'Other'],
    );
    const body = await uploaded(file, 'leads.xlsx');
    expect(body.sheets).toEqual(['Leads', 'Other']);
    expect(body.headers).toEqual(['نام', 'نام خانوادگی', 'موبایل', 'شرکت']);
    expect(body.rowCount).toBe(2);
    expect(body.sampleRows[0]).toEqual(['سارا', 'محمدی', '۰۹۱۲۱۰۰۰۰۰۱', 'آلفا']);
    expect(body.suggestedMapping.map((m) => m.field)).toEqual(['firstName', 'lastName', 'mobile', 'company']);
    expect(await t.as(manager).excelImport.upload({ uploadId: body.uploadId })).toMatchObject({ rowCount: 2, format: 'xlsx' });
  });

  it('refuses anonymous users, agents, other formats and oversize files, naming the field', async () => {
    const form = new FormData();
    form.append('file', new Blob(['a,b\n1,2']), 'x.csv');
    expect((await t.request('/api/plugins/excel-import/uploads', { method: 'POST', body: form })).status).toBe(401);
    expect((await upload(Buffer.from('a\n1'), 'x.csv', agent)).status).toBe(403);
    const pdf = await upload(Buffer.from('%PDF'), 'x.pdf');
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toMatchObject({ error: { fields: [{ field: 'file', code: 'unsupported_format' }] } });
    await t.as(admin).plugins.updateSettings({ id: 'excel-import', settings: { maxUploadMb: 1, batchSize: 50 } });
    try {
      const big = await upload(Buffer.alloc(1024 * 1024 + 10, 0x41), 'big.csv');
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ error: { fields: [{ field: 'file', code: 'too_large' }] } });
    } finally {
      await t.as(admin).plugins.updateSettings({ id: 'excel-import', settings: { batchSize: 50 } });
    }
  });

  it('reads a Windows-1256 CSV (what Excel writes on Persian Windows) and UTF-16', async () => {
    // Windows-1256 has no Persian yeh: Excel writes the Arabic ي, and Persian digits as ASCII.
    const text = 'نام,نام خانوادگي,موبايل,شرکت\r\nعلي,رضايي,09121000101,شرکت 1\r\n';
    const body = await uploaded(iconv.encode(text, 'windows-1256'), 'legacy.csv');
    expect(body.encoding).toBe('windows-1256');
    expect(body.headers).toEqual(['نام', 'نام خانوادگي', 'موبايل', 'شرکت']);
    expect(body.sampleRows).toEqual([['علي', 'رضايي', '09121000101', 'شرکت 1']]);
    expect(body.suggestedMapping.map((m) => m.field)).toEqual(['firstName', 'lastName', 'mobile', 'company']);

    const utf16 = await uploaded(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replace('علي', 'مینا'), 'utf-16le')]), 'u16.csv');
    expect(utf16.encoding).toBe('utf-16le');
    expect(utf16.sampleRows[0]?.[0]).toBe('مینا');

    const { jobId } = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping: body.suggestedMapping, duplicatePolicy: 'skip' });
    expect(await finish(jobId)).toMatchObject({ status: 'done', created: 1 });
    expect(await leadsByMobile('+989121000101')).toMatchObject([{ first_name: 'علي', last_name: 'رضايي', company: 'شرکت 1' }]);
  });
});

describe('dry run and import', () => {
  it('normalizes digits and letters, reports an invalid row by number while the rest import', async () => {
    const file = await xlsx([
      ['الاسم', 'اسم العائلة', 'الجوال', 'البريد الإلكتروني'],
      ['علي', 'كريمي', '۰۹۱۲۲۰۰۰۰۰۱', 'ALI@Example.com'],
      ['Bad', 'Phone', '12345', 'not-an-email'],
      ['مريم', 'احمدي', '٠٩١٢٢٠٠٠٠٠٢', ''],
    ]);
    const body = await uploaded(file, 'arabic.xlsx');
    const mapping = body.suggestedMapping;
    expect(mapping.map((m) => m.field)).toEqual(['firstName', 'lastName', 'mobile', 'email']);

    const preview = await t.as(manager).excelImport.preview({ uploadId: body.uploadId, mapping, duplicatePolicy: 'skip' });
    expect(preview).toMatchObject({ total: 3, new: 2, invalid: 1, duplicates: { inFile: 0, inDatabase: 0 } });
    expect(preview.errors).toEqual([
      {
        row: 3,
        errors: [
          expect.objectContaining({ field: 'mobile', code: 'invalid_phone' }),
          expect.objectContaining({ field: 'email', code: 'invalid_email' }),
        ],
      },
    ]);
    // A dry run writes nothing.
    expect(await leadsByMobile('+989122000001')).toEqual([]);

    const { jobId } = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping, duplicatePolicy: 'skip' });
    expect((await t.as(manager).excelImport.get({ jobId })).status).toBe('queued');
    expect(await finish(jobId)).toMatchObject({ status: 'done', processed: 3, total: 3, created: 2, failed: 1, skipped: 0, updated: 0 });
    const [ali] = await leadsByMobile('+989122000001');
    expect(ali).toMatchObject({ first_name: 'علي', last_name: 'كريمي' });
    expect(await leadsByMobile('+989122000002')).toHaveLength(1);
    // Arabic letter variants are the same name to search: «علی کریمی» in Persian letters finds it.
    const found = await t.as(manager).leads.list({ filter: { search: 'علی کریمی' } });
    expect(found.items.map((l) => l.id)).toContain(ali!.id);
    // Through the pipeline: scored, an activity naming the import and the row.
    const activities = (await t.as(manager).activities.list({ leadId: ali!.id })).items;
    expect(activities).toContainEqual(expect.objectContaining({ type: 'created', data: expect.objectContaining({ origin: { channel: 'excel-import', detail: { importId: jobId, row: 2 } } }) }));
    expect(t.events.of('lead.created').some((e) => e.lead.id === ali!.id)).toBe(true);

    // The error workbook: a header, then the failed row with its number, its cells and its errors.
    const report = await t.request(`/api/plugins/excel-import/jobs/${jobId}/errors.xlsx`, { headers: { cookie: await cookieOf(manager) } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readWorkbook(report);
    expect(rows[0]).toEqual(['Row', 'الاسم', 'اسم العائلة', 'الجوال', 'البريد الإلكتروني', 'Errors']);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(0, 5)).toEqual([3, 'Bad', 'Phone', '12345', 'not-an-email']);
    expect(String(rows[1]?.[5])).toMatch(/^mobile: .+\nemail: .+$/);
  });

  it('refuses a bad mapping, naming the entry', async () => {
    const body = await uploaded(Buffer.from('a,b\n1,2\n'), 'x.csv');
    const error = await failure(
      t.as(manager).excelImport.preview({ uploadId: body.uploadId, mapping: [{ column: 0, field: 'shoeSize' }, { column: 9, field: 'mobile' }], duplicatePolicy: 'skip' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect((error.cause as unknown as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['mapping.0.field', 'mapping.1.column']);
    expect((await failure(t.as(agent).excelImport.list())).code).toBe('FORBIDDEN');
  });

  it('finds duplicates within the file and against the database, and applies each policy', async () => {
    await t.as(manager).leads.create({ lastName: 'Existing', company: 'Old Co', mobile: '09123000001' });
    const rows = [
      ['Last name', 'Mobile', 'Company'],
      ['Existing', '09123000001', 'New Co'], // the database has it
      ['Fresh', '09123000002', 'A'],
      ['Fresh again', '۰۹۱۲۳۰۰۰۰۰۲', 'B'], // an earlier row has it
    ];
    const body = await uploaded(await xlsx(rows), 'dups.xlsx');
    const mapping = body.suggestedMapping;
    expect(await t.as(manager).excelImport.preview({ uploadId: body.uploadId, mapping, duplicatePolicy: 'skip' })).toMatchObject({
      total: 3,
      new: 1,
      duplicates: { inFile: 1, inDatabase: 1 },
      invalid: 0,
    });

    const skip = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping, duplicatePolicy: 'skip' });
    expect(await finish(skip.jobId)).toMatchObject({ status: 'done', created: 1, skipped: 2, updated: 0 });
    expect(await leadsByMobile('+989123000001')).toMatchObject([{ company: 'Old Co' }]);
    expect(await leadsByMobile('+989123000002')).toMatchObject([{ last_name: 'Fresh', company: 'A' }]);

    const update = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping, duplicatePolicy: 'update' });
    expect(await finish(update.jobId)).toMatchObject({ status: 'done', created: 0, updated: 2, skipped: 1 });
    expect(await leadsByMobile('+989123000001')).toMatchObject([{ company: 'New Co', version: 2 }]);
    // Both rows name the lead the skip run created: applied in order, the last one wins.
    expect(await leadsByMobile('+989123000002')).toMatchObject([{ last_name: 'Fresh again', company: 'B' }]);

    const create = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping, duplicatePolicy: 'create' });
    expect(await finish(create.jobId)).toMatchObject({ status: 'done', created: 3 });
    expect(await leadsByMobile('+989123000002')).toHaveLength(3);
  });

  it('reverts: removes what it created and restores what it updated, unless touched since', async () => {
    const first = await t.as(manager).leads.create({ lastName: 'Keep', company: 'Before', mobile: '09124000001' });
    const second = await t.as(manager).leads.create({ lastName: 'Touched', company: 'Before', mobile: '09124000002' });
    const body = await uploaded(
      await xlsx([
        ['Last name', 'Mobile', 'Company'],
        ['Keep', '09124000001', 'After'],
        ['Touched', '09124000002', 'After'],
        ['New one', '09124000003', 'X'],
        ['New two', '09124000004', 'Y'],
      ]),
      'revert.xlsx',
    );
    const { jobId } = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping: body.suggestedMapping, duplicatePolicy: 'update' });
    expect(await finish(jobId)).toMatchObject({ created: 2, updated: 2 });
    // Someone edits one updated lead and one created lead after the import.
    const touched = (await t.as(manager).leads.get({ id: second.id }))!;
    await t.as(manager).leads.update({ id: second.id, version: touched.version, patch: { company: 'Edited' } });
    const [newTwo] = await leadsByMobile('+989124000004');
    await t.as(manager).leads.update({ id: newTwo!.id, version: newTwo!.version, patch: { company: 'Edited too' } });

    expect(await t.as(manager).excelImport.revert({ jobId })).toEqual({ deleted: 1, restored: 1, kept: 2 });
    expect(await leadsByMobile('+989124000001')).toMatchObject([{ id: first.id, company: 'Before' }]);
    expect(await leadsByMobile('+989124000002')).toMatchObject([{ company: 'Edited' }]);
    expect(await leadsByMobile('+989124000003')).toEqual([]);
    expect(await leadsByMobile('+989124000004')).toMatchObject([{ company: 'Edited too' }]);
    expect(await t.as(manager).excelImport.get({ jobId })).toMatchObject({ revertResult: { deleted: 1, restored: 1, kept: 2 } });
    expect((await failure(t.as(manager).excelImport.revert({ jobId }))).code).toBe('CONFLICT');
  });

  it('resumes after a kill mid-import on a new server process, creating nothing twice', async () => {
    const rows: (string | number)[][] = [['Last name', 'Mobile']];
    for (let i = 0; i < 180; i++) rows.push([`Resume ${i}`, `0912500${String(i).padStart(4, '0')}`]);
    const body = await uploaded(await xlsx(rows), 'resume.xlsx');
    const { jobId } = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping: body.suggestedMapping, duplicatePolicy: 'skip' });

    // The first process dies right after its first batch (50 rows) commits.
    const killed = new AbortController();
    const off = t.platform.host.hooks.on('lead.created', () => killed.abort(), { pluginId: 'excel-import-test' });
    const services = t.platform.services.plugins.servicesFor('excel-import');
    await expect(runImport(services, importStore(services.database), jobId, { batchSize: 50, signal: killed.signal })).rejects.toThrow('stopped');
    off();
    expect(await t.as(manager).excelImport.get({ jobId })).toMatchObject({ status: 'running', processed: 50, created: 50 });

    // Another server process on the same database picks the queued job up and resumes.
    const second = await startPlatform({
      database: t.database,
      plugins,
      logger: pino({ level: 'silent' }),
      auth: { secret: 'test-secret-that-is-long-enough-for-better-auth', baseURL: 'http://localhost:3000', trustedOrigins: [] },
      jobs: { poll: false },
      pluginStateRefreshSeconds: 3600,
    });
    try {
      expect(await second.jobs.drain('excel-import.run')).toBe(1);
    } finally {
      await second.stop();
    }
    expect(await t.as(manager).excelImport.get({ jobId })).toMatchObject({ status: 'done', processed: 180, total: 180, created: 180, failed: 0 });
    const { rows: counted } = await t.database.executeSql(
      `select count(*)::int as leads, count(distinct mobile)::int as mobiles from leads where last_name like 'Resume %'`,
    );
    expect(counted[0]).toEqual({ leads: 180, mobiles: 180 });
  });

  it('cancels between batches, and lists the history', async () => {
    const body = await uploaded(Buffer.from('Last name,Mobile\nCancel me,09126000001\n'), 'cancel.csv');
    const { jobId } = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping: body.suggestedMapping, duplicatePolicy: 'skip' });
    expect(await t.as(manager).excelImport.cancel({ jobId })).toMatchObject({ status: 'cancelled' });
    expect(await finish(jobId)).toMatchObject({ status: 'cancelled', created: 0 });
    expect(await leadsByMobile('+989126000001')).toEqual([]);
    expect((await failure(t.as(manager).excelImport.cancel({ jobId }))).code).toBe('CONFLICT');
    const history = await t.as(admin).excelImport.list();
    expect(history[0]).toMatchObject({ jobId, fileName: 'cancel.csv', status: 'cancelled' });
  });

  it('saves mapping presets', async () => {
    await t.as(manager).excelImport.presets.save({ name: 'CRM export', mapping: [{ column: 0, field: 'lastName' }] });
    await t.as(manager).excelImport.presets.save({ name: 'CRM export', mapping: [{ column: 1, field: 'lastName' }] });
    const presets = await t.as(admin).excelImport.presets.list();
    expect(presets).toEqual([{ id: expect.any(String), name: 'CRM export', mapping: [{ column: 1, field: 'lastName' }] }]);
    expect(await t.as(admin).excelImport.presets.delete({ id: presets[0]!.id })).toEqual({ deleted: true });
  });

  it('lists the mappable fields with their names in fa, ar and en; the owner is not one of them', async () => {
    const fields = await t.as(manager).excelImport.fields();
    expect(fields.find((f) => f.value === 'mobile')).toEqual({ value: 'mobile', label: { en: 'Mobile', fa: 'موبایل', ar: 'الجوال' } });
    expect(fields.every((f) => f.label.fa && f.label.ar && f.label.en)).toBe(true);
    expect(fields.map((f): string => f.value)).not.toContain('ownerId');
  });
});

describe("the pipeline's rules", () => {
  it('scores and distributes imported rows exactly as a lead created one by one', async () => {
    const label = (en: string) => ({ en, fa: en, ar: en });
    await t.as(admin).scoring.setRules({
      fit: [{ id: 'big', label: label('Big'), field: 'employees', op: 'gte', value: 100, points: 40 }],
      behavior: [{ id: 'assigned', label: label('Assigned'), activityType: 'assigned', points: 5 }],
      thresholds: { mql: 30, sql: 60 },
      urgentTaskOnSql: false,
    });
    await t.as(admin).distribution.setRules({ rules: [], fallback: { userIds: [agent.id], strategy: 'first-candidate' } });
    try {
      const single = await t.as(manager).leads.create({ lastName: 'One by one', employees: 250, mobile: '09128000001' });
      const body = await uploaded(Buffer.from('Last name,Employees,Mobile\nBatched,250,09128000002\n'), 'rules.csv');
      expect(body.suggestedMapping.map((m) => m.field)).toEqual(['lastName', 'employees', 'mobile']);
      const { jobId } = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping: body.suggestedMapping, duplicatePolicy: 'skip' });
      expect(await finish(jobId)).toMatchObject({ created: 1 });
      const [row] = await leadsByMobile('+989128000002');
      const batched = await t.as(manager).leads.get({ id: row!.id });
      expect({ score: batched.score, qualification: batched.qualification, ownerId: batched.ownerId }).toEqual({
        score: single.score,
        qualification: single.qualification,
        ownerId: single.ownerId,
      });
      expect(batched).toMatchObject({ score: 45, qualification: 'mql', ownerId: agent.id });
      // One rule differs on purpose: imported contacts are history, so no response-time clock starts.
      const { rows: clocks } = await t.database.executeSql(`select id, sla_state from leads where id in ($1, $2)`, [single.id, batched.id]);
      expect(Object.fromEntries(clocks.map((r) => [(r as { id: string }).id, (r as { sla_state: string }).sla_state]))).toEqual({
        [single.id]: 'pending',
        [batched.id]: 'none',
      });
      const { items } = await t.as(manager).activities.list({ leadId: batched.id });
      expect(items.find((a) => a.type === 'assigned')?.data).toMatchObject({ from: null, to: agent.id, via: { rule: 'fallback', strategy: 'first-candidate' } });
      expect(t.events.of('lead.assigned').some((e) => e.lead.id === batched.id)).toBe(true);
    } finally {
      await t.as(admin).distribution.setRules({ rules: [], fallback: null });
      await t.as(admin).scoring.setRules({ fit: [], behavior: [], thresholds: { mql: 40, sql: 70 }, urgentTaskOnSql: false });
    }
  });
});

describe('batches in flight', () => {
  it('a batch opens its transaction only after startAfter, writes nothing if it rejects, and starts the SLA clock by default', async () => {
    const services = t.platform.services.plugins.servicesFor('excel-import');
    const batchOf = (mobile: string) => ({
      rows: [{ ref: 2, input: { lastName: 'In flight', mobile } }],
      actor: null,
      duplicatePolicy: 'skip' as const,
      origin: { channel: 'excel-import' },
    });
    const previousFailed = Promise.reject(new Error('the previous batch failed'));
    previousFailed.catch(() => undefined);
    await expect(services.leads.ingestBatch({ ...batchOf('09129100001'), startAfter: previousFailed })).rejects.toThrow('the previous batch failed');
    expect(await leadsByMobile('+989129100001')).toEqual([]);

    let release!: () => void;
    const previous = new Promise<void>((resolve) => (release = resolve));
    const waiting = services.leads.ingestBatch({ ...batchOf('09129100002'), startAfter: previous });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await leadsByMobile('+989129100002')).toEqual([]);
    release();
    expect(await waiting).toMatchObject([{ ref: 2, status: 'created' }]);
    const { rows } = await t.database.executeSql(`select sla_state from leads where mobile = $1`, ['+989129100002']);
    expect(rows).toEqual([{ sla_state: 'pending' }]);
  });
});

describe('custom fields', () => {
  it('maps columns to custom.<key>, validated by core like any other field', async () => {
    await t.as(admin).fields.create({ key: 'budget', type: 'number', label: { fa: 'بودجه', ar: 'الميزانية', en: 'Budget' } });
    const body = await uploaded(Buffer.from('Last name,Mobile,Budget\nRich,09129000001,۱۲۰۰\nPoor,09129000002,lots\n'), 'custom.csv');
    const mapping = [...body.suggestedMapping, { column: 2, field: 'custom.budget' }];
    const { jobId } = await t.as(manager).excelImport.start({ uploadId: body.uploadId, mapping, duplicatePolicy: 'skip' });
    expect(await finish(jobId)).toMatchObject({ created: 1, failed: 1 });
    const [rich] = await leadsByMobile('+989129000001');
    expect((await t.as(manager).leads.get({ id: rich!.id })).customFields).toEqual({ budget: 1200 });
    const rows = await readWorkbook(await t.request(`/api/plugins/excel-import/jobs/${jobId}/errors.xlsx`, { headers: { cookie: await cookieOf(manager) } }));
    expect(rows[1]?.[0]).toBe(3);
    expect(String(rows[1]?.at(-1))).toMatch(/^customFields\.budget: /);
  });
});

describe('export', () => {
  it('writes the visible leads to .xlsx with formulas neutralized; agents get only theirs', async () => {
    await t.as(agent).leads.create({ lastName: '=HYPERLINK("http://evil","x")', company: '@SUM(1)', mobile: '09127000001' });
    await t.as(manager).leads.create({ lastName: 'Not the agent’s', mobile: '09127000002' });
    const res = await t.request(`/api/plugins/excel-import/export.xlsx?input=${encodeURIComponent(JSON.stringify({ filter: { search: '0912700' } }))}`, {
      headers: { cookie: await cookieOf(agent) },
    });
    expect(res.status).toBe(200);
    const rows = await readWorkbook(res);
    expect(rows[0]?.slice(0, 4)).toEqual(['id', 'First name', 'Last name', 'Mobile']);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[2]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(rows[1]?.[3]).toBe("'+989127000001");
    expect(rows[1]).toContain("'@SUM(1)");

    const all = await t.request(`/api/plugins/excel-import/export.xlsx?input=${encodeURIComponent(JSON.stringify({ filter: { search: '0912700' } }))}`, {
      headers: { cookie: await cookieOf(manager) },
    });
    expect(await readWorkbook(all)).toHaveLength(3);
    const bad = await t.request(`/api/plugins/excel-import/export.xlsx?input=${encodeURIComponent('{"limitless":1}')}`, { headers: { cookie: await cookieOf(agent) } });
    expect(bad.status).toBe(400);
    expect((await t.request('/api/plugins/excel-import/export.xlsx')).status).toBe(401);
  });
});
