import type { Lead, LeadMarkers, LeadWritable, Qualification } from '@sarnakh/core';
import { jsonb, readJson } from '../json.js';
import type { UpdateObject } from 'kysely';
import type { LeadRow, SarnakhDatabase } from '../schema.js';

/** A stored row as the domain's Lead (numeric comes back from the drivers as a string). */
export function toLead(row: LeadRow): Lead {
  const { searchText: _searchText, pluginScore: _pluginScore, slaPolicy: _slaPolicy, slaState: _slaState, annualRevenue, customFields, qualification, ...rest } = row;
  return {
    ...rest,
    annualRevenue: annualRevenue === null ? null : Number(annualRevenue),
    customFields: readJson<Lead['customFields']>(customFields),
    qualification: qualification as Qualification,
  };
}

/** The columns a write sets. */
export function toRowValues(values: Partial<LeadWritable> & LeadMarkers): UpdateObject<SarnakhDatabase, 'leads'> {
  const { customFields, ...rest } = values;
  return {
    ...rest,
    ...(customFields === undefined ? {} : { customFields: jsonb(customFields) }),
  };
}
