import type { FieldError } from '../errors.js';

/**
 * Why the plugin kernel refused something, with the facts a caller or an operator needs. Each code
 * carries its own details, so code can branch on `error.details.code` and read typed fields.
 */
export type PluginErrorDetails =
  | { code: 'INVALID_ID'; pluginId: string }
  | { code: 'DUPLICATE_ID'; pluginId: string }
  | { code: 'INVALID_VERSION'; pluginId: string; field: 'version' | 'compatibility'; value: string }
  | { code: 'INCOMPATIBLE'; coreVersion: string; plugins: IncompatiblePlugin[] }
  | { code: 'MISSING_DEPENDENCY'; pluginId: string; dependency: string }
  | { code: 'DEPENDENCY_CYCLE'; cycle: string[] }
  | { code: 'INVALID_SETTINGS'; pluginId: string; fields: FieldError[] }
  | { code: 'DUPLICATE_CONTRIBUTION'; pointId: string; pluginIds: [first: string, second: string] }
  | { code: 'LATE_CONTRIBUTION'; pointId: string; pluginId: string; readBy: string }
  | { code: 'POINT_CONFLICT'; pointId: string }
  | { code: 'REGISTRY_SEALED'; pointId: string; pluginId: string }
  | { code: 'UNKNOWN_PLUGIN'; pluginId: string }
  | { code: 'BOOT_FAILED'; phase: BootPhase; pluginId: string | null; reason: string }
  | { code: 'INVALID_STATE'; operation: 'boot'; state: string };

export type PluginErrorCode = PluginErrorDetails['code'];

export interface IncompatiblePlugin {
  pluginId: string;
  version: string;
  compatibility: string;
}

/** The boot steps that run plugin or host code, named in `BOOT_FAILED` errors. */
export type BootPhase = 'provide' | 'beforeInit' | 'init' | 'afterSeal';

function describe(details: PluginErrorDetails): string {
  switch (details.code) {
    case 'INVALID_ID':
      return `plugin id "${details.pluginId}" is not kebab-case (lowercase letters and digits, words joined by "-", each word starting with a letter)`;
    case 'DUPLICATE_ID':
      return `plugin id "${details.pluginId}" is used by more than one plugin`;
    case 'INVALID_VERSION':
      return details.field === 'version'
        ? `plugin "${details.pluginId}" has version "${details.value}", which is not a semver version`
        : `plugin "${details.pluginId}" has compatibility "${details.value}", which is not a semver range`;
    case 'INCOMPATIBLE':
      return details.plugins
        .map((p) => `plugin "${p.pluginId}" ${p.version} needs @sarnakh/core ${p.compatibility}, but this is ${details.coreVersion}`)
        .join('; ');
    case 'MISSING_DEPENDENCY':
      return `plugin "${details.pluginId}" depends on "${details.dependency}", which is not installed`;
    case 'DEPENDENCY_CYCLE':
      return `plugins depend on each other in a cycle: ${details.cycle.join(' -> ')}`;
    case 'INVALID_SETTINGS':
      return `plugin "${details.pluginId}" has invalid settings: ${details.fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`;
    case 'DUPLICATE_CONTRIBUTION':
      return `extension point "${details.pointId}" takes one contribution, but both "${details.pluginIds[0]}" and "${details.pluginIds[1]}" registered one`;
    case 'LATE_CONTRIBUTION':
      return `plugin "${details.pluginId}" registered to extension point "${details.pointId}" after ${details.readBy} had read it; contribute in provide() so every reader sees it`;
    case 'POINT_CONFLICT':
      return `two extension points share the id "${details.pointId}" with different cardinalities`;
    case 'REGISTRY_SEALED':
      return `plugin "${details.pluginId}" cannot register to extension point "${details.pointId}": the registry is sealed`;
    case 'UNKNOWN_PLUGIN':
      return `there is no plugin "${details.pluginId}"`;
    case 'BOOT_FAILED':
      return details.pluginId === null
        ? `plugin boot failed in the ${details.phase} step: ${details.reason}`
        : `plugin "${details.pluginId}" failed in ${details.phase}(): ${details.reason}`;
    case 'INVALID_STATE':
      return `cannot ${details.operation} the plugin host: it is ${details.state}`;
  }
}

/**
 * A refusal by the plugin kernel. Thrown only where the process must stop (boot, registering after
 * the seal); operations the caller can act on (`updateSettings`, `setEnabled`) answer with a Result.
 */
export class PluginError extends Error {
  readonly code: PluginErrorCode;

  constructor(
    readonly details: PluginErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(describe(details), options);
    this.name = 'PluginError';
    this.code = details.code;
  }
}

/** Whether `error` is a PluginError, optionally with the given code. */
export function isPluginError(error: unknown, code?: PluginErrorCode): error is PluginError {
  return error instanceof PluginError && (code === undefined || error.code === code);
}
