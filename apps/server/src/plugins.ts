import type { AppRouter as RouterWithPlugins } from '@sarnakh/api';
import { excelImportPlugin } from '@sarnakh/plugin-excel-import';
import { insightsPlugin } from '@sarnakh/plugin-insights';
import { roundRobinPlugin } from '@sarnakh/plugin-round-robin';
import type { SarnakhPlugin } from '@sarnakh/plugin-sdk';
import { smsCapturePlugin } from '@sarnakh/plugin-sms-capture';

/**
 * The plugins this server installs, in any order (the host sorts them by `dependsOn`). Each can be
 * switched off and configured at run time with `plugins.setEnabled` / `plugins.updateSettings`.
 */
export const installedPlugins = [roundRobinPlugin, excelImportPlugin, insightsPlugin, smsCapturePlugin] as const satisfies readonly SarnakhPlugin[];

/** The server's router type, plugins included: what the web app's tRPC client is typed with. */
export type AppRouter = RouterWithPlugins<typeof installedPlugins>;
