import 'vazirmatn/Vazirmatn-Variable-font-face.css';
import './styles.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n, setLocale } from './i18n/index.js';
import { initialLocale, savedLocale } from './i18n/locale.js';
import { router } from './router/index.js';
import { createAppVuetify } from './vuetify.js';

const locale = initialLocale(location.search, savedLocale(), navigator.languages);
const vuetify = createAppVuetify(locale);
setLocale(locale, new URLSearchParams(location.search).has('lang'));

createApp(App).use(createPinia()).use(i18n).use(vuetify).use(router).mount('#app');
