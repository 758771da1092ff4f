import type { RouterInputs } from '../../api/trpc.js';

export type LeadFilterInput = NonNullable<Exclude<RouterInputs['leads']['list'], void | undefined>['filter']>;

/** What the filter bar edits; dates are local days (`createdTo` includes its whole day). */
export interface FilterState {
  search: string;
  stage: string[];
  priority: string[];
  source: string[];
  /** A user id, `unassigned`, or empty for everyone the user may see. */
  owner: string;
  createdFrom: Date | null;
  createdTo: Date | null;
  lastContactFrom: Date | null;
  lastContactTo: Date | null;
  archived: boolean;
}

export const emptyFilter = (): FilterState => ({
  search: '',
  stage: [],
  priority: [],
  source: [],
  owner: '',
  createdFrom: null,
  createdTo: null,
  lastContactFrom: null,
  lastContactTo: null,
  archived: false,
});

const endOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 0, 0, 0, -1);

export function toApiFilter(state: FilterState): LeadFilterInput {
  const f: LeadFilterInput = {};
  if (state.search.trim()) f.search = state.search.trim();
  if (state.stage.length) f.stage = state.stage;
  if (state.priority.length) f.priority = state.priority;
  if (state.source.length) f.source = state.source;
  if (state.owner) f.ownerId = state.owner === 'unassigned' ? null : state.owner;
  if (state.createdFrom) f.createdFrom = state.createdFrom;
  if (state.createdTo) f.createdTo = endOfDay(state.createdTo);
  if (state.lastContactFrom) f.lastContactFrom = state.lastContactFrom;
  if (state.lastContactTo) f.lastContactTo = endOfDay(state.lastContactTo);
  if (state.archived) f.archived = true;
  return f;
}

export interface SavedFilter {
  id: string;
  name: string;
  /** Dates as ISO strings in storage. */
  state: FilterState;
  /** Built in and relative to today: recomputed when applied. */
  builtIn?: 'my-new-today';
}

const STORAGE_KEY = 'sarnakh.savedFilters';

function revive(state: FilterState): FilterState {
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return { ...emptyFilter(), ...state, createdFrom: date(state.createdFrom), createdTo: date(state.createdTo), lastContactFrom: date(state.lastContactFrom), lastContactTo: date(state.lastContactTo) };
}

/** Saved filters live in this browser, per user. */
export function loadSavedFilters(userId: string): SavedFilter[] {
  try {
    const all = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, SavedFilter[]>;
    return (all[userId] ?? []).map((f) => ({ ...f, state: revive(f.state) }));
  } catch {
    return [];
  }
}

export function storeSavedFilters(userId: string, filters: SavedFilter[]): void {
  try {
    const all = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, SavedFilter[]>;
    all[userId] = filters;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Storage refused: the filter lasts for this page.
  }
}

/** "My new leads today": mine, still open, created since midnight. */
export function myNewToday(userId: string, now = new Date()): FilterState {
  return { ...emptyFilter(), owner: userId, stage: ['open'], createdFrom: new Date(now.getFullYear(), now.getMonth(), now.getDate()) };
}
