import { defineAdminPlugin } from '@sarnakh/plugin-sdk/admin';
import { widgetTitles } from './titles.js';

const managers = ['manager', 'admin'] as const;

/**
 * The web app's half: the insights dashboard (route and nav entry) and each chart as a dashboard
 * widget, so the home dashboard can show them beside other plugins' widgets. Agents see their own
 * numbers; the per-owner table is for managers.
 */
export default defineAdminPlugin({
  routes: [
    {
      path: 'dashboard',
      title: { fa: 'بینش‌ها', ar: 'الرؤى', en: 'Insights' },
      component: () => import('./dashboard-page.js'),
    },
  ],
  nav: [{ label: { fa: 'بینش‌ها', ar: 'الرؤى', en: 'Insights' }, to: 'dashboard', icon: 'mdi-chart-line' }],
  widgets: [
    {
      id: 'insights.newLeads',
      title: widgetTitles.newLeads,
      component: () => import('./widgets.js').then((m) => m.NewLeadsWidget),
      size: 'large',
    },
    {
      id: 'insights.funnel',
      title: widgetTitles.funnel,
      component: () => import('./widgets.js').then((m) => m.FunnelWidget),
      size: 'medium',
    },
    {
      id: 'insights.conversion',
      title: widgetTitles.conversion,
      component: () => import('./widgets.js').then((m) => m.ConversionWidget),
      size: 'medium',
    },
    {
      id: 'insights.qualified',
      title: widgetTitles.qualified,
      component: () => import('./widgets.js').then((m) => m.QualifiedWidget),
      size: 'medium',
    },
    {
      id: 'insights.speedToLead',
      title: widgetTitles.speedToLead,
      component: () => import('./widgets.js').then((m) => m.SpeedToLeadWidget),
      size: 'medium',
    },
    {
      id: 'insights.owners',
      title: widgetTitles.owners,
      component: () => import('./widgets.js').then((m) => m.OwnersWidget),
      size: 'large',
      roles: managers,
    },
  ],
});
