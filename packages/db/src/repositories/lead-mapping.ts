import type { Lead, LeadMarkers, LeadWritable, Qualification } from '@sarnakh/core';
import type { LeadRow, LeadRowUpdate } from '../schema.js';

/** A stored row as the domain's Lead (numeric comes back from the drivers as a string). */
export function toLead(row: LeadRow): Lead {
  const { searchText: _searchText, annualRevenue, customFields, qualification, ...rest } = row;
  return {
    ...rest,
    annualRevenue: annualRevenue === null ? null : Number(annualRevenue),
    customFields: (typeof customFields === 'string' ? JSON.parse(customFields) : customFields) as Lead['customFields'],
    qualification: qualification as Qualification,
  };
}

/** The columns a write sets; JSON columns are passed as JSON text so both drivers agree. */
export function toRowValues(values: Partial<LeadWritable> & LeadMarkers): LeadRowUpdate {
  const { customFields, ...rest } = values;
  return {
    ...rest,
    ...(customFields === undefined ? {} : { customFields: JSON.stringify(customFields) }),
  };
}
