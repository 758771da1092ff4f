import type { LeadView } from '../../api/trpc.js';

/** How a lead is called in lists and titles: the person's name, else the company, else its phone. */
export function leadName(lead: Pick<LeadView, 'firstName' | 'lastName' | 'company' | 'mobile' | 'email'>): string {
  const person = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  return person || lead.company || lead.mobile || lead.email || '—';
}

/** WhatsApp's click-to-chat link takes the number as digits only. */
export const whatsappUrl = (e164: string) => `https://wa.me/${e164.replace(/[^\d]/g, '')}`;
