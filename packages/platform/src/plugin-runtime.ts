import { jobQueueName, type Services } from '@sarnakh/api';
import type { PluginRuntime } from '@sarnakh/plugin-sdk';

/** A plugin job's queue: `excel-import` + `run` → `excel-import.run`. */
export const pluginJobName = jobQueueName;

/** What a plugin's routes and job handlers get; resolved lazily, as services exist only after boot starts. */
export function pluginRuntime<Settings>(pluginId: string, services: () => Services): PluginRuntime<Settings> {
  return {
    get services() {
      return services().plugins.servicesFor(pluginId);
    },
    settings: () => services().plugins.host.settingsOf(pluginId) as Settings,
  };
}
