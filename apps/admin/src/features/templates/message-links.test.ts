import { describe, expect, it } from 'vitest';
import { mailtoLink, smsLink, whatsappLink } from './message-links.js';

describe('message links', () => {
  it('puts the text into each link, encoded', () => {
    expect(smsLink('+989121234567', 'سلام علی & co')).toBe(`sms:+989121234567?body=${encodeURIComponent('سلام علی & co')}`);
    expect(whatsappLink('+98 912 123 4567', 'Hi Ali')).toBe('https://wa.me/989121234567?text=Hi%20Ali');
    expect(mailtoLink('ali@example.com', 'Body', 'Re: offer')).toBe('mailto:ali@example.com?subject=Re%3A%20offer&body=Body');
    expect(mailtoLink('ali@example.com', 'Body')).toBe('mailto:ali@example.com?body=Body');
  });
});
