import { opportunityInputSchema } from '@sarnakh/core';
import { recordRouter } from './records.js';

/** `opportunities.*`: deals with an amount and currency, an expected close date and a sales stage. */
export const opportunitiesRouter = recordRouter('opportunity', opportunityInputSchema, (s) => s.records.opportunities);
