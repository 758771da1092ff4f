import '@mdi/font/css/materialdesignicons.css';
import 'vuetify/styles';
import { createVuetify } from 'vuetify';
import { ar, en, fa } from 'vuetify/locale';
import { onLocaleChange, type Locale } from './i18n/index.js';

/** Vuetify in the app's language; fa and ar flip the whole layout right to left. */
export function createAppVuetify(locale: Locale) {
  const vuetify = createVuetify({
    locale: { locale, fallback: 'en', messages: { fa, ar, en }, rtl: { fa: true, ar: true, en: false } },
    theme: {
      defaultTheme: 'sarnakh',
      themes: {
        sarnakh: {
          dark: false,
          // Primary on white passes WCAG AA for text and focus rings.
          colors: { primary: '#0f5e9c', secondary: '#455a64', error: '#b3261e', success: '#1b6e3a', warning: '#8a5300', background: '#f6f7f9' },
        },
      },
    },
    defaults: {
      VTextField: { variant: 'outlined', density: 'comfortable' },
      VSelect: { variant: 'outlined', density: 'comfortable' },
      VAutocomplete: { variant: 'outlined', density: 'comfortable' },
      VTextarea: { variant: 'outlined', density: 'comfortable' },
    },
  });
  // Vuetify derives right-to-left from the locale's `rtl` entry above.
  onLocaleChange((next) => {
    vuetify.locale.current.value = next;
  });
  return vuetify;
}
