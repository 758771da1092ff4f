import { defineAdminPlugin } from '@sarnakh/plugin-sdk/admin';

/** The web app's half: one dashboard widget, loaded only when the plugin is enabled. */
export default defineAdminPlugin({
  widgets: [
    {
      id: 'hello.today',
      title: { fa: 'سرنخ‌های امروز به تفکیک منبع', ar: 'عملاء اليوم حسب المصدر', en: "Today's leads by source" },
      component: () => import('./today-widget.js'),
      size: 'small',
    },
  ],
});
