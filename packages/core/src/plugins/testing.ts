import type { AnyPlugin, PluginLogger } from './define-plugin.js';
import { createPluginHost, type PluginHost, type PluginHostOptions } from './host.js';

export interface LogRecord {
  level: 'info' | 'warn' | 'error';
  message: string;
  data: Record<string, unknown> | undefined;
}

/** A logger that keeps its lines in `records`, for assertions. */
export function memoryLogger(): PluginLogger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const at = (level: LogRecord['level']) => (message: string, data?: Record<string, unknown>) => {
    records.push({ level, message, data });
  };
  return { records, info: at('info'), warn: at('warn'), error: at('error') };
}

export interface TestHostOptions extends Omit<PluginHostOptions, 'plugins' | 'settingsFor' | 'logger'> {
  plugins: readonly AnyPlugin[];
  /** Default: a `memoryLogger()`, whose lines are the host's `logs`. */
  logger?: PluginLogger;
  /** Raw settings by plugin id; a plugin not named here gets its schema's defaults. */
  settings?: Record<string, unknown>;
}

/**
 * Boot a real plugin host for a test: the plugins under test plus any fakes (a fake is just a small
 * plugin that registers to the points the plugin reads). Logs go to `logs`. Shut it down after.
 *
 *     const host = await startTestHost({ coreVersion: '0.1.0', plugins: [fakeDirectory, roundRobin] });
 */
export async function startTestHost(options: TestHostOptions): Promise<PluginHost & { logs: LogRecord[] }> {
  const logger = options.logger ?? memoryLogger();
  const logs = 'records' in logger ? (logger.records as LogRecord[]) : [];
  const { settings = {}, ...rest } = options;
  const host = createPluginHost({ ...rest, logger, settingsFor: (id) => settings[id] });
  await host.boot();
  return Object.assign(host, { logs });
}
