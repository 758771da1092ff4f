import { defineAdminPlugin } from '@sarnakh/plugin-sdk/admin';

/** The web app's half: the members page (weights, caps, availability) and today's counts. */
export default defineAdminPlugin({
  settingsPage: () => import('./members-page.js'),
  routes: [
    {
      path: 'members',
      title: { fa: 'اعضای نوبت‌دهی', ar: 'أعضاء التوزيع', en: 'Distribution members' },
      component: () => import('./members-page.js'),
      roles: ['manager', 'admin'],
    },
  ],
  nav: [
    {
      label: { fa: 'نوبت‌دهی سرنخ‌ها', ar: 'توزيع العملاء', en: 'Lead distribution' },
      to: 'members',
      icon: 'mdi-account-switch',
      roles: ['manager', 'admin'],
    },
  ],
  widgets: [
    {
      id: 'round-robin.today',
      title: { fa: 'سرنخ‌های سپرده‌شده امروز', ar: 'العملاء الموزعون اليوم', en: 'Leads assigned today' },
      component: () => import('./today-widget.js'),
      size: 'medium',
      roles: ['manager', 'admin'],
    },
  ],
});
