import { z } from 'zod';

export const smsCaptureSettings = z.object({
  /**
   * The server's address as gateways reach it (`https://crm.example.com`): webhook URLs are built
   * on it, and Twilio's signature covers it. Empty: the address each request arrived at.
   */
  publicBaseUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
});

export type SmsCaptureSettings = z.output<typeof smsCaptureSettings>;
