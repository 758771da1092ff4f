import { genericProvider } from './generic.js';
import { kavenegarProvider } from './kavenegar.js';
import { melipayamakProvider } from './melipayamak.js';
import { twilioProvider } from './twilio.js';
import type { ProviderAdapter, ProviderId } from './types.js';

export const providers: Readonly<Record<ProviderId, ProviderAdapter>> = {
  generic: genericProvider,
  kavenegar: kavenegarProvider,
  melipayamak: melipayamakProvider,
  twilio: twilioProvider,
};

export * from './types.js';
export { signBody, SIGNATURE_HEADER } from './generic.js';
export { twilioSignature, TWILIO_SIGNATURE_HEADER } from './twilio.js';
