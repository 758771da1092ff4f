import { createHash, randomBytes } from 'node:crypto';
import type { PluginServices } from '@sarnakh/plugin-sdk';
import { jsonb } from '@sarnakh/db';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Locale } from './calendar.js';
import type { Viewer } from './filter.js';
import type { WidgetAnswer, WidgetId } from './widgets.js';

/** How long a download link works. */
export const EXPORT_LINK_SECONDS = 300;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A link to one widget's data as .xlsx for `viewer`. The input is stored as given and answered again
 * at download time, with the viewer's role as it is then.
 */
export async function createExportLink(services: PluginServices, viewer: Viewer, widget: WidgetId, input: unknown, locale: Locale) {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + EXPORT_LINK_SECONDS * 1000);
  const db = services.database.raw;
  await sql`delete from insights_exports where expires_at < now()`.execute(db);
  await sql`insert into insights_exports (token_hash, user_id, widget, input, locale, expires_at)
    values (${hash(token)}, ${viewer.id}, ${widget}, ${jsonb(input ?? null)}, ${locale}, ${expiresAt.toISOString()}::timestamptz)`.execute(db);
  return { url: `/api/plugins/insights/export/${widget}.xlsx?token=${token}`, expiresAt };
}

export interface ExportRequest {
  widget: WidgetId;
  input: unknown;
  locale: Locale;
  viewer: Viewer;
}

/** The request behind a link, if the token is known, unexpired, for this widget, and its user still active. */
export async function redeemExportLink(services: PluginServices, token: string, widget: string): Promise<ExportRequest | null> {
  const { rows } = await sql<{ widget: WidgetId; input: unknown; locale: Locale; user_id: string; role: Viewer['role'] }>`
    select e.widget, e.input, e.locale, u.id as user_id, u.role from insights_exports e join users u on u.id = e.user_id
    where e.token_hash = ${hash(token)} and e.expires_at > now() and u.active`.execute(services.database.raw);
  const row = rows[0];
  if (!row || row.widget !== widget) return null;
  return { widget: row.widget, input: row.input ?? undefined, locale: row.locale, viewer: { id: row.user_id, role: row.role } };
}

type Words = Record<Locale, string>;
interface Column {
  header: Words;
  key: string;
  /** Excel number format. */
  numFmt?: string;
}
interface Sheet {
  name: Words;
  columns: Column[];
  rows: readonly object[];
}

const w = (en: string, fa: string, ar: string): Words => ({ en, fa, ar });
const PERCENT = '0.0%';
const DAYS = '0.0';
const period = w('Period', 'دوره', 'الفترة');
const from = w('From', 'از', 'من');
const to = w('To', 'تا', 'إلى');
const leads = w('Leads', 'سرنخ‌ها', 'العملاء المحتملون');
const converted = w('Converted', 'تبدیل‌شده', 'المحوَّلون');
const name = w('Name', 'نام', 'الاسم');

const conversionColumns: Column[] = [
  { header: name, key: 'label' },
  { header: leads, key: 'leads' },
  { header: converted, key: 'converted' },
  { header: w('Won', 'برنده', 'الفائزون'), key: 'won' },
  { header: w('Conversion rate', 'نرخ تبدیل', 'معدل التحويل'), key: 'conversionRate', numFmt: PERCENT },
  { header: w('Win rate', 'نرخ برد', 'معدل الفوز'), key: 'winRate', numFmt: PERCENT },
  { header: w('Sales cycle (days)', 'چرخه فروش (روز)', 'دورة البيع (أيام)'), key: 'avgCycleDays', numFmt: DAYS },
];
const qualifiedColumns: Column[] = [
  { header: name, key: 'label' },
  { header: leads, key: 'leads' },
  { header: w('MQL', 'MQL', 'MQL'), key: 'mql' },
  { header: w('SQL', 'SQL', 'SQL'), key: 'sql' },
  { header: w('Qualified rate', 'نرخ واجد شرایط', 'معدل التأهيل'), key: 'qualifiedRate', numFmt: PERCENT },
];
const speedColumns: Column[] = [
  { header: name, key: 'label' },
  { header: leads, key: 'leads' },
  { header: w('Responded', 'پاسخ‌داده‌شده', 'تم الرد'), key: 'responded' },
  { header: w('Median (minutes)', 'میانه (دقیقه)', 'الوسيط (دقائق)'), key: 'medianMinutes', numFmt: DAYS },
  { header: w('90th percentile (minutes)', 'صدک ۹۰ (دقیقه)', 'المئين 90 (دقائق)'), key: 'p90Minutes', numFmt: DAYS },
  { header: w('Within SLA', 'در مهلت', 'ضمن المهلة'), key: 'withinSlaShare', numFmt: PERCENT },
];

const minutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);
const speedRows = (rows: WidgetAnswer<'speedToLead'>['byOwner']) =>
  rows.map((r) => ({ ...r, medianMinutes: minutes(r.median), p90Minutes: minutes(r.p90) }));

/** The sheets of one widget's answer. */
function sheets(widget: WidgetId, data: unknown): Sheet[] {
  switch (widget) {
    case 'newLeads': {
      const d = data as WidgetAnswer<'newLeads'>;
      return [{
        name: w('New leads', 'سرنخ‌های جدید', 'العملاء الجدد'),
        columns: [{ header: period, key: 'label' }, { header: from, key: 'start' }, { header: to, key: 'end' }, { header: leads, key: 'leads' }, { header: converted, key: 'converted' }],
        rows: d.points,
      }];
    }
    case 'funnel': {
      const d = data as WidgetAnswer<'funnel'>;
      return [{
        name: w('Funnel', 'قیف فروش', 'مسار المبيعات'),
        columns: [
          { header: w('Stage', 'مرحله', 'المرحلة'), key: 'label' },
          { header: w('Now in stage', 'اکنون در مرحله', 'حالياً في المرحلة'), key: 'leads' },
          { header: w('Reached', 'رسیده', 'وصلوا'), key: 'reached' },
          { header: w('From previous stage', 'از مرحله قبل', 'من المرحلة السابقة'), key: 'conversion', numFmt: PERCENT },
          { header: w('Average days in stage', 'میانگین روز در مرحله', 'متوسط الأيام في المرحلة'), key: 'avgDays', numFmt: DAYS },
        ],
        rows: d.stages.map((s) => ({ ...s, avgDays: s.avgSeconds === null ? null : s.avgSeconds / 86_400 })),
      }];
    }
    case 'conversion': {
      const d = data as WidgetAnswer<'conversion'>;
      return [
        { name: w('By source', 'بر پایه منبع', 'حسب المصدر'), columns: conversionColumns, rows: [...d.bySource, { ...d.overall, label: '∑' }] },
        { name: w('By channel', 'بر پایه کانال', 'حسب القناة'), columns: conversionColumns, rows: [...d.byChannel, { ...d.overall, label: '∑' }] },
      ];
    }
    case 'qualified': {
      const d = data as WidgetAnswer<'qualified'>;
      return [
        { name: w('By segment', 'بر پایه بخش', 'حسب الشريحة'), columns: qualifiedColumns, rows: d.bySegment },
        { name: w('By source', 'بر پایه منبع', 'حسب المصدر'), columns: qualifiedColumns, rows: d.bySource },
      ];
    }
    case 'speedToLead': {
      const d = data as WidgetAnswer<'speedToLead'>;
      return [
        { name: w('By owner', 'بر پایه مسئول', 'حسب المسؤول'), columns: speedColumns, rows: speedRows([...d.byOwner, { ...d.overall, label: '∑' }]) },
        { name: w('By source', 'بر پایه منبع', 'حسب المصدر'), columns: speedColumns, rows: speedRows([...d.bySource, { ...d.overall, label: '∑' }]) },
      ];
    }
    case 'owners': {
      const d = data as WidgetAnswer<'owners'>;
      return [{
        name: w('Owners', 'مسئولان', 'المسؤولون'),
        columns: [
          { header: name, key: 'name' },
          { header: w('Assigned', 'سپرده‌شده', 'المسندة'), key: 'assigned' },
          { header: w('Contacted', 'تماس‌گرفته', 'تم التواصل'), key: 'contacted' },
          { header: converted, key: 'converted' },
          { header: w('Overdue tasks', 'کارهای عقب‌افتاده', 'المهام المتأخرة'), key: 'overdueTasks' },
        ],
        rows: d.owners,
      }];
    }
  }
}

/** One widget's answer as an .xlsx workbook, right-to-left for fa and ar. */
export async function workbook(widget: WidgetId, data: unknown, locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Sarnakh insights';
  for (const sheet of sheets(widget, data)) {
    const ws = book.addWorksheet(sheet.name[locale], { views: [{ rightToLeft: locale !== 'en', state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header[locale], key: c.key, width: Math.max(12, c.header[locale].length + 4), ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, (row as Record<string, unknown>)[c.key] ?? null])));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
