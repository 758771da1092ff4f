import type { AppRouter as RouterWithPlugins } from '@sarnakh/api';
import { roundRobinPlugin } from '@sarnakh/plugin-round-robin';
import type { SarnakhPlugin } from '@sarnakh/plugin-sdk';

/**
 * The plugins this server installs, in any order (the host sorts them by `dependsOn`). Each can be
 * switched off and configured at run time with `plugins.setEnabled` / `plugins.updateSettings`.
 */
export const installedPlugins = [roundRobinPlugin] as const satisfies readonly SarnakhPlugin[];

/** The server's router type, plugins included: what the web app's tRPC client is typed with. */
export type AppRouter = RouterWithPlugins<typeof installedPlugins>;
