import type { PicklistName } from '../../stores/reference.js';

export type FormFieldKind = 'text' | 'ltr' | 'email' | 'tel' | 'url' | 'number' | 'boolean' | 'textarea' | 'owner' | { picklist: PicklistName };

export interface FormField {
  name: string;
  kind: FormFieldKind;
}

export interface FormSection {
  /** i18n key under `lead.sections` */
  key: string;
  fields: FormField[];
}

const f = (name: string, kind: FormFieldKind = 'text'): FormField => ({ name, kind });

/**
 * The create/edit form and the detail page's profile, section by section. When `layouts.*` lands
 * this becomes the default layout and an admin's layout replaces it.
 */
export const leadSections: FormSection[] = [
  { key: 'person', fields: [f('firstName'), f('lastName'), f('nationalCode', 'ltr'), f('jobTitle')] },
  { key: 'contact', fields: [f('mobile', 'tel'), f('phone', 'tel'), f('email', 'email'), f('website', 'url'), f('whatsappId', 'ltr'), f('telegramId', 'ltr'), f('instagramId', 'ltr'), f('fax', 'tel'), f('emailOptOut', 'boolean')] },
  { key: 'company', fields: [f('company'), f('industry', { picklist: 'industry' }), f('annualRevenue', 'number'), f('employees', 'number')] },
  { key: 'pipeline', fields: [f('stage', { picklist: 'stage' }), f('priority', { picklist: 'priority' }), f('source', { picklist: 'source' }), f('channel', { picklist: 'channel' }), f('ownerId', 'owner')] },
  { key: 'address', fields: [f('street'), f('city'), f('province'), f('country'), f('postalCode', 'ltr'), f('poBox', 'ltr')] },
  { key: 'notes', fields: [f('description', 'textarea')] },
];

export const isLtrKind = (kind: FormFieldKind) => kind === 'ltr' || kind === 'email' || kind === 'tel' || kind === 'url';
