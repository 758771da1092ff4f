import { localeFromHeaders } from '@sarnakh/api';
import type { PluginRoutes, PluginServices } from '@sarnakh/plugin-sdk';
import { redeemExportLink, workbook, type ExportRequest } from './export.js';
import { answer, widgetIds, widgetInputs, type WidgetId } from './widgets.js';

/** The Hono app the platform mounts at `/api/plugins/insights/`. */
type PluginApp = Parameters<PluginRoutes<unknown>>[0];

/** The plugin's HTTP routes. */
export function insightsRoutes(app: PluginApp, services: PluginServices): void {
  /**
   * A widget's data as .xlsx. Signed in by the session cookie, with the widget's input as JSON in
   * `?input=` (what the web app's download buttons do), or by a link from `insights.exportLink`.
   */
  app.get('/export/:file', async (c) => {
    const widget = /^([A-Za-z]+)\.xlsx$/.exec(c.req.param('file'))?.[1];
    if (!widget || !(widgetIds as readonly string[]).includes(widget)) {
      return c.json({ error: { code: 'NOT_FOUND', message: `No export named ${c.req.param('file')}; try one of ${widgetIds.map((w) => `${w}.xlsx`).join(', ')}.` } }, 404);
    }
    const token = c.req.query('token');
    let request: ExportRequest | null;
    if (token !== undefined) {
      request = await redeemExportLink(services, token, widget);
      if (!request) return c.json({ error: { code: 'UNAUTHORIZED', message: 'This download link is unknown or has expired: ask insights.exportLink for a new one.' } }, 401);
    } else {
      const user = await services.sessionUser(c.req.raw.headers);
      if (!user) return c.json({ error: { code: 'UNAUTHORIZED', message: 'Sign in first.' } }, 401);
      const locale = localeFromHeaders(c.req.raw.headers);
      let raw: unknown;
      try {
        raw = JSON.parse(c.req.query('input') ?? 'null') ?? undefined;
      } catch {
        return c.json({ error: { code: 'BAD_REQUEST', message: '`input` is not JSON.', fields: [{ field: 'input', code: 'invalid_json', message: '`input` is not JSON.' }] } }, 400);
      }
      const parsed = widgetInputs[widget as WidgetId].safeParse(raw);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => ({ field: ['input', ...issue.path].join('.'), code: issue.code, message: issue.message }));
        return c.json({ error: { code: 'BAD_REQUEST', message: 'Some fields are not valid.', fields } }, 400);
      }
      request = { widget: widget as WidgetId, input: parsed.data, locale, viewer: { id: user.id, role: user.role } };
    }
    const data = await answer(request.widget, request.input as never, request.viewer, request.locale, services);
    const body = await workbook(request.widget, data, request.locale);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="insights-${widget}-${data.from}-${data.to}.xlsx"`,
      'Cache-Control': 'no-store',
    });
  });
}
