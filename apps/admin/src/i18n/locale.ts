/** The three languages of the app, and which of them read right to left. */
export const locales = ['fa', 'ar', 'en'] as const;
export type Locale = (typeof locales)[number];

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);
export const isRtl = (locale: Locale): boolean => locale !== 'en';

const STORAGE_KEY = 'sarnakh.locale';

/** `?lang=` in the address wins, then the saved choice, then the browser's languages; Persian first. */
export function initialLocale(search: string, saved: string | null, browser: readonly string[]): Locale {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  if (isLocale(saved)) return saved;
  for (const tag of browser) {
    const short = tag.slice(0, 2).toLowerCase();
    if (isLocale(short)) return short;
  }
  return 'fa';
}

export function savedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
}

/** `<html lang dir>`: screen readers, fonts and the browser's own bidi all follow these. */
export function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
}
