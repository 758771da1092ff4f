import type { Locale } from '../i18n/locale.js';

const tags: Record<Locale, string> = { fa: 'fa-IR', ar: 'ar', en: 'en-US' };

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tags[locale]).format(value);
}

/** Money in rial (`IRR`), toman (`IRT`, ten rials: no ISO code, so named by hand) or any ISO currency. */
export function formatMoney(amount: number, currency: string, locale: Locale, names: { IRR: string; IRT: string }): string {
  if (currency === 'IRT' || currency === 'IRR') {
    return `${new Intl.NumberFormat(tags[locale], { maximumFractionDigits: 0 }).format(amount)} ${names[currency]}`;
  }
  return new Intl.NumberFormat(tags[locale], { style: 'currency', currency }).format(amount);
}
