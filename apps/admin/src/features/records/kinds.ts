import { api, type RouterInputs, type RouterOutputs } from '../../api/trpc.js';
import type { PicklistName } from '../../stores/reference.js';

/** The records a lead converts into; each has a list, a detail page and a form. */
export const recordKinds = ['organization', 'contact', 'opportunity'] as const;
export type RecordKind = (typeof recordKinds)[number];

export type Organization = RouterOutputs['organizations']['get'];
export type Contact = RouterOutputs['contacts']['get'];
export type Opportunity = RouterOutputs['opportunities']['get'];
export type RecordActivity = RouterOutputs['organizations']['activities'][number];
export interface RecordOf {
  organization: Organization;
  contact: Contact;
  opportunity: Opportunity;
}
export type AnyRecord = RecordOf[RecordKind];

type ListInput = NonNullable<RouterInputs['organizations']['list']>;
interface InputOf {
  organization: RouterInputs['organizations']['create'];
  contact: RouterInputs['contacts']['create'];
  opportunity: RouterInputs['opportunities']['create'];
}

/** The same five procedures for each kind, so one list, form and detail page serve all three. */
export interface RecordApi<K extends RecordKind> {
  list(input: ListInput): Promise<{ items: RecordOf[K][]; nextCursor: string | null }>;
  get(id: string): Promise<RecordOf[K]>;
  activities(id: string): Promise<RecordActivity[]>;
  create(values: InputOf[K]): Promise<RecordOf[K]>;
  update(id: string, version: number, patch: InputOf[K]): Promise<RecordOf[K]>;
}

const apis: { [K in RecordKind]: RecordApi<K> } = {
  organization: {
    list: (input) => api.organizations.list.query(input),
    get: (id) => api.organizations.get.query({ id }),
    activities: (id) => api.organizations.activities.query({ id }),
    create: (values) => api.organizations.create.mutate(values),
    update: (id, version, patch) => api.organizations.update.mutate({ id, version, patch }),
  },
  contact: {
    list: (input) => api.contacts.list.query(input),
    get: (id) => api.contacts.get.query({ id }),
    activities: (id) => api.contacts.activities.query({ id }),
    create: (values) => api.contacts.create.mutate(values),
    update: (id, version, patch) => api.contacts.update.mutate({ id, version, patch }),
  },
  opportunity: {
    list: (input) => api.opportunities.list.query(input),
    get: (id) => api.opportunities.get.query({ id }),
    activities: (id) => api.opportunities.activities.query({ id }),
    create: (values) => api.opportunities.create.mutate(values),
    update: (id, version, patch) => api.opportunities.update.mutate({ id, version, patch }),
  },
};

export const recordApi = <K extends RecordKind>(kind: K): RecordApi<K> => apis[kind];

/** Where each kind lives in the app; the detail page is `<path>/<id>`. */
export const recordPaths: Record<RecordKind, string> = { organization: '/organizations', contact: '/contacts', opportunity: '/opportunities' };

/** How a form input edits a field: the server normalizes and validates every one of them. */
export type RecordInputKind =
  | 'text'
  | 'tel'
  | 'email'
  | 'url'
  | 'amount'
  | 'currency'
  | 'day'
  | 'salesStage'
  | 'owner'
  | { picklist: PicklistName }
  | { record: 'organization' | 'contact' };

export interface RecordFormField {
  name: string;
  input: RecordInputKind;
}

const f = (name: string, input: RecordInputKind = 'text'): RecordFormField => ({ name, input });

/** The writable fields of each kind, in form order (the API's `*.create` input). */
export const recordFormFields: { [K in RecordKind]: RecordFormField[] } = {
  organization: [f('name'), f('phone', 'tel'), f('website', 'url'), f('industry', { picklist: 'industry' }), f('city'), f('ownerId', 'owner')],
  contact: [f('firstName'), f('lastName'), f('mobile', 'tel'), f('email', 'email'), f('jobTitle'), f('organizationId', { record: 'organization' }), f('ownerId', 'owner')],
  opportunity: [
    f('name'),
    f('amount', 'amount'),
    f('currency', 'currency'),
    f('expectedCloseDate', 'day'),
    f('salesStage', 'salesStage'),
    f('organizationId', { record: 'organization' }),
    f('contactId', { record: 'contact' }),
    f('ownerId', 'owner'),
  ],
};

/** The list's columns per kind (the name column links to the record). */
export const recordColumns: { [K in RecordKind]: string[] } = {
  organization: ['name', 'city', 'industry', 'phone', 'ownerId', 'createdAt'],
  contact: ['name', 'mobile', 'email', 'jobTitle', 'ownerId', 'createdAt'],
  opportunity: ['name', 'amount', 'salesStage', 'expectedCloseDate', 'ownerId', 'createdAt'],
};

/** An opportunity's fixed sales stages, in their usual order (core's `salesStages`). */
export const salesStages = ['prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost'] as const;

/** The currencies an amount may be in (core's `currencyCodes`): rial and toman first. */
export const currencies = ['IRR', 'IRT', 'USD', 'EUR', 'AED', 'SAR', 'GBP', 'TRY', 'IQD', 'KWD', 'QAR', 'OMR', 'BHD', 'CNY'] as const;

const isContact = (record: AnyRecord): record is Contact => 'firstName' in record;

/** What a record is called on screen: its name, or for a contact the person's name, mobile or email. */
export function recordTitle(record: AnyRecord): string {
  if (!isContact(record)) return record.name;
  const name = [record.firstName, record.lastName].filter(Boolean).join(' ');
  return name || record.mobile || record.email || record.id;
}
