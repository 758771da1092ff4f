import { contactInputSchema } from '@sarnakh/core';
import { recordRouter } from './records.js';

/** `contacts.*`: people, with their mobile in E.164 and their organization. */
export const contactsRouter = recordRouter('contact', contactInputSchema, (s) => s.records.contacts);
