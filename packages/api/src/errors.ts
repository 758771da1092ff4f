import { fieldError, type FieldError, type LeadFailure, type Locale } from '@sarnakh/core';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';

/** Carries per-field errors from a procedure to the error formatter (and so to `error.data.fields`). */
export class FieldErrors extends Error {
  constructor(readonly fields: FieldError[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
    this.name = 'FieldErrors';
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
  }
}

/** Zod's issues as our field list, so input-shape errors look like every other validation error. */
export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || 'input';
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(fieldError(field === 'input' ? key : `${field}.${key}`, 'unknown_field', locale));
        break;
      case 'invalid_type':
        out.push(fieldError(field, /received undefined/.test(issue.message) ? 'required' : 'invalid_type', locale));
        break;
      case 'too_big':
        out.push(fieldError(field, issue.origin === 'string' ? 'too_long' : 'out_of_range', locale));
        break;
      case 'too_small':
        out.push(fieldError(field, issue.origin === 'string' ? 'too_short' : 'out_of_range', locale));
        break;
      case 'invalid_value':
        out.push(fieldError(field, 'unknown_value', locale));
        break;
      case 'invalid_format':
        out.push(fieldError(field, issue.format === 'email' ? 'invalid_email' : 'invalid_value', locale));
        break;
      case 'invalid_union':
        out.push(fieldError(field, 'invalid_type', locale));
        break;
      default:
        out.push(fieldError(field, 'invalid_value', locale));
    }
  }
  return out;
}
