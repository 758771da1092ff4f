import type { LocalizedText } from '../i18n/locales.js';

export const picklistKeys = [
  'stage',
  'source',
  'channel',
  'priority',
  'industry',
  'lastContactResult',
] as const;
export type PicklistKey = (typeof picklistKeys)[number];

export interface PicklistValue {
  /** Stable machine key stored on leads (`open`, `instagram`). Never changes once used. */
  key: string;
  label: LocalizedText;
  position: number;
  color: string | null;
  /** Stages only: reaching it means the deal is won / lost. */
  won: boolean;
  lost: boolean;
  /** A value in use is retired, never deleted: old leads keep it, new ones cannot pick it. */
  retired: boolean;
}

export type Picklists = Record<PicklistKey, readonly PicklistValue[]>;

export type PicklistCheck = 'ok' | 'unknown_value' | 'retired_value';

export function checkPicklistValue(list: readonly PicklistValue[], key: string): PicklistCheck {
  const value = list.find((v) => v.key === key);
  if (!value) return 'unknown_value';
  return value.retired ? 'retired_value' : 'ok';
}
