import { defineAdminPlugin } from '@sarnakh/plugin-sdk/admin';

/** The web app's half: the import wizard and the import history, for managers and admins. */
export default defineAdminPlugin({
  routes: [
    {
      path: 'import',
      title: { fa: 'درون‌ریزی از اکسل', ar: 'الاستيراد من إكسل', en: 'Import from Excel' },
      component: () => import('./wizard-page.js'),
      roles: ['manager', 'admin'],
    },
    {
      path: 'history',
      title: { fa: 'تاریخچه درون‌ریزی', ar: 'سجل الاستيراد', en: 'Import history' },
      component: () => import('./history-page.js'),
      roles: ['manager', 'admin'],
    },
  ],
  nav: [
    { label: { fa: 'درون‌ریزی از اکسل', ar: 'الاستيراد من إكسل', en: 'Import from Excel' }, to: 'import', icon: 'mdi-file-excel', roles: ['manager', 'admin'] },
    { label: { fa: 'تاریخچه درون‌ریزی', ar: 'سجل الاستيراد', en: 'Import history' }, to: 'history', icon: 'mdi-history', roles: ['manager', 'admin'] },
  ],
});
