import { organizationInputSchema } from '@sarnakh/core';
import { recordRouter } from './records.js';

/** `organizations.*`: a company is one organization (names are deduplicated after normalizing). */
export const organizationsRouter = recordRouter('organization', organizationInputSchema, (s) => s.records.organizations);
