import { fieldErrorCodes } from '@sarnakh/core';
import { z } from 'zod';

/**
 * The capture endpoint's answers. The route builds its bodies with these types and the OpenAPI
 * document renders them, so the two cannot drift apart.
 */
export const fieldErrorSchema = z.object({
  field: z.string().meta({ description: 'The API name of the field: `mobile`, `customFields.budget`.' }),
  code: z.enum(fieldErrorCodes),
  message: z.string().meta({ description: "For people, in the caller's language (Accept-Language or X-Sarnakh-Locale)." }),
});

export const captureErrorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
] as const;
export type CaptureErrorCode = (typeof captureErrorCodes)[number];

export const captureErrorSchema = z.object({
  error: z.object({
    code: z.enum(captureErrorCodes),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional().meta({ description: 'Every failing field at once (400).' }),
    duplicateOf: z.string().optional().meta({ description: 'The existing lead a rejected duplicate matched (409).' }),
    matchedOn: z.enum(['mobile', 'phone', 'email']).optional(),
    requestId: z.string().optional(),
  }),
});
export type CaptureErrorBody = z.infer<typeof captureErrorSchema>;

export const captureCreatedSchema = z.object({ id: z.string().meta({ description: 'The new lead.' }) });
export const captureAttachedSchema = z.object({
  id: z.string().meta({ description: 'The existing lead the submission was logged on.' }),
  duplicateOf: z.string().meta({ description: 'The same id: the submission matched this lead.' }),
});
