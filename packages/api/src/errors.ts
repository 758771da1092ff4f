import type { FieldError, LeadFailure } from '@sarnakh/core';
import { TRPCError } from '@trpc/server';

/** Carries per-field errors from a procedure to the error formatter (and so to `error.data.fields`). */
export class FieldErrors extends Error {
  constructor(readonly fields: FieldError[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
    this.name = 'FieldErrors';
  }
}

/** Carries the existing lead of a rejected duplicate to the error formatter (`error.data.duplicateOf`). */
export class DuplicateLead extends Error {
  constructor(
    readonly duplicateOf: string,
    readonly matchedOn: 'mobile' | 'phone' | 'email',
  ) {
    super(`duplicate of lead ${duplicateOf} (same ${matchedOn})`);
    this.name = 'DuplicateLead';
  }
}

export function badRequest(fields: FieldError[]): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: 'Some fields are not valid.', cause: new FieldErrors(fields) });
}

/** Map a failed lead operation to the transport's error. */
export function leadFailureToError(failure: LeadFailure): TRPCError {
  switch (failure.code) {
    case 'VALIDATION':
      return badRequest(failure.fields);
    case 'NOT_FOUND':
      return new TRPCError({ code: 'NOT_FOUND', message: `Lead ${failure.id} was not found.` });
    case 'CONFLICT':
      return new TRPCError({
        code: 'CONFLICT',
        message: `Lead ${failure.id} was changed by someone else (now at version ${failure.currentVersion}); reload it and try again.`,
      });
    case 'FORBIDDEN':
      return new TRPCError({ code: 'FORBIDDEN', message: `Not allowed: ${failure.reason}.` });
    case 'DUPLICATE':
      return new TRPCError({
        code: 'CONFLICT',
        message: `A lead with the same ${failure.field} already exists: ${failure.id}.`,
        cause: new DuplicateLead(failure.id, failure.field),
      });
    case 'MERGED':
      return new TRPCError({ code: 'CONFLICT', message: `Lead ${failure.id} was merged into lead ${failure.into}; work on that one.` });
  }
}

/** The failures of a service over one kind of record (templates…): invalid fields, a missing record, a role's limit. */
export type EntityFailure =
  | { code: 'VALIDATION'; fields: FieldError[] }
  | { code: 'NOT_FOUND'; entity: string; id: string }
  | { code: 'FORBIDDEN'; reason: string };

export function entityFailureToError(failure: EntityFailure): TRPCError {
  switch (failure.code) {
    case 'VALIDATION':
      return badRequest(failure.fields);
    case 'NOT_FOUND': {
      const entity = failure.entity.charAt(0).toUpperCase() + failure.entity.slice(1);
      return new TRPCError({ code: 'NOT_FOUND', message: `${entity} ${failure.id} was not found.` });
    }
    case 'FORBIDDEN':
      return new TRPCError({ code: 'FORBIDDEN', message: `Not allowed: ${failure.reason}.` });
  }
}
