/** The list's columns: Nowatel's set first, then what else a lead has; which show is saved per browser. */
export const leadColumns = [
  { key: 'createdAt', sortable: true },
  { key: 'name', sortable: true, sortField: 'lastName' },
  { key: 'company', sortable: true },
  { key: 'mobile', sortable: false },
  { key: 'ownerId', sortable: false },
  { key: 'channel', sortable: false },
  { key: 'stage', sortable: false },
  { key: 'lastContactResult', sortable: false },
  { key: 'lastContactAt', sortable: true },
  { key: 'nextTaskAt', sortable: true },
  { key: 'priority', sortable: false },
  { key: 'score', sortable: true },
  { key: 'description', sortable: false },
  { key: 'source', sortable: false },
  { key: 'email', sortable: false },
  { key: 'city', sortable: false },
  { key: 'updatedAt', sortable: true },
] as const;

export type LeadColumnKey = (typeof leadColumns)[number]['key'];

export const defaultColumns: LeadColumnKey[] = ['createdAt', 'name', 'company', 'mobile', 'ownerId', 'channel', 'stage', 'lastContactResult', 'nextTaskAt', 'priority', 'score', 'description'];

const STORAGE_KEY = 'sarnakh.leadColumns';

export function loadColumns(): LeadColumnKey[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as string[] | null;
    const known = new Set<string>(leadColumns.map((c) => c.key));
    const valid = saved?.filter((k): k is LeadColumnKey => known.has(k));
    return valid && valid.length ? valid : [...defaultColumns];
  } catch {
    return [...defaultColumns];
  }
}

export function storeColumns(columns: LeadColumnKey[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Not stored: the choice lasts for this page.
  }
}

/** The API's sort field for a column, if it sorts. */
export function sortFieldOf(key: string): 'createdAt' | 'updatedAt' | 'lastContactAt' | 'nextTaskAt' | 'score' | 'lastName' | 'company' | null {
  const column = leadColumns.find((c) => c.key === key);
  if (!column?.sortable) return null;
  return ('sortField' in column ? column.sortField : column.key) as ReturnType<typeof sortFieldOf>;
}
