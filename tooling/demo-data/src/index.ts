export {
  DEFAULT_SEED,
  channelKeys,
  contactResultKeys,
  demoAgents,
  demoLeads,
  industryKeys,
  isValidNationalCode,
  nationalCodeCheckDigit,
  priorityKeys,
  scripts,
  sourceKeys,
  stageKeys,
  toArabicDigits,
  toPersianDigits,
} from './generate.js';
export type {
  Channel,
  ContactResult,
  DemoAgent,
  DemoLead,
  DemoLeadOptions,
  Industry,
  Priority,
  Script,
  Source,
  Stage,
} from './generate.js';
export { Random, WeightedTable, weighted } from './random.js';
export type { WeightedEntries } from './random.js';
export * as names from './names.js';
