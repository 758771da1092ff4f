/**
 * Links that open the user's own apps with a message already written: the SMS app, WhatsApp's
 * click-to-chat (digits only, no `+`) and the mail client. Nothing is sent from here.
 */
export const smsLink = (phone: string, body: string) => `sms:${phone}?body=${encodeURIComponent(body)}`;

export const whatsappLink = (phone: string, body: string) => `https://wa.me/${phone.replace(/\D/g, '')}?text=${encodeURIComponent(body)}`;

export function mailtoLink(email: string, body: string, subject?: string): string {
  const query = [subject ? `subject=${encodeURIComponent(subject)}` : null, `body=${encodeURIComponent(body)}`].filter(Boolean).join('&');
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}?${query}`;
}
