import { callProcedure, pageLocale } from '@sarnakh/plugin-sdk/admin';

/** The web app's language, as the insights screens label things in it. */
export type PageLocale = ReturnType<typeof pageLocale>;
export { pageLocale };

/** An insights query (`insights.<procedure>`); labels come back in the page's language. */
export const insightsQuery = <T>(procedure: string, input?: unknown) => callProcedure<T>(`insights.${procedure}`, input);

/** Download the widget's data as .xlsx: the browser follows the link with the session cookie. */
export function downloadXlsx(widget: string, input: unknown): void {
  const url = `/api/plugins/insights/export/${widget}.xlsx?input=${encodeURIComponent(JSON.stringify(input ?? null))}`;
  (globalThis as unknown as { location: { assign(to: string): void } }).location.assign(url);
}
