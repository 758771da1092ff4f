import type { FieldError } from '../errors.js';

/** Why a follow-up operation (a note, a call, a task change) was refused, as a value. */
export type FollowUpFailure =
  | { code: 'VALIDATION'; fields: FieldError[] }
  | { code: 'NOT_FOUND'; entity: 'lead' | 'task'; id: string }
  | { code: 'FORBIDDEN'; reason: string };
