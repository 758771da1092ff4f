import { defineAdminPlugin } from '@sarnakh/plugin-sdk/admin';

/** The web app's half: the inbox, the lines' settings, and the SMS panel on the lead page. */
export default defineAdminPlugin({
  routes: [
    {
      path: 'inbox',
      title: { fa: 'پیامک‌های دریافتی', ar: 'الرسائل الواردة', en: 'Received SMS' },
      component: () => import('./inbox-page.js'),
    },
    {
      path: 'lines',
      title: { fa: 'خطوط پیامک', ar: 'خطوط الرسائل النصية', en: 'SMS lines' },
      component: () => import('./lines-page.js'),
      roles: ['manager', 'admin'],
    },
  ],
  nav: [
    { label: { fa: 'پیامک‌های دریافتی', ar: 'الرسائل الواردة', en: 'Received SMS' }, to: 'inbox', icon: 'mdi-message-text' },
    { label: { fa: 'خطوط پیامک', ar: 'خطوط الرسائل النصية', en: 'SMS lines' }, to: 'lines', icon: 'mdi-cellphone-message', roles: ['manager', 'admin'] },
  ],
  settingsPage: () => import('./lines-page.js'),
  leadPanels: [
    {
      id: 'sms-capture.thread',
      title: { fa: 'پیامک', ar: 'الرسائل النصية', en: 'SMS' },
      component: () => import('./lead-panel.js'),
    },
  ],
});
