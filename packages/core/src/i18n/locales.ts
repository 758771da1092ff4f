export const locales = ['fa', 'ar', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Text an admin or the product gives in every supported language. */
export type LocalizedText = Record<Locale, string>;

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (locales as readonly string[]).includes(value);
