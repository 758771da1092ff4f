import type { Role } from './stores/session.js';

export interface NavItem {
  to: string;
  icon: string;
  /** i18n key */
  label: string;
  roles?: readonly Role[];
}

/** The drawer's app entries; enabled plugins add theirs after these. */
export const mainNav: NavItem[] = [
  { to: '/leads', icon: 'mdi-account-search', label: 'nav.leads' },
  { to: '/kanban', icon: 'mdi-view-column', label: 'nav.kanban' },
  { to: '/tasks', icon: 'mdi-checkbox-marked-circle-outline', label: 'nav.tasks' },
  { to: '/dashboard', icon: 'mdi-view-dashboard', label: 'nav.dashboard' },
  { to: '/organizations', icon: 'mdi-domain', label: 'records.nav.organizations' },
  { to: '/contacts', icon: 'mdi-card-account-details', label: 'records.nav.contacts' },
  { to: '/opportunities', icon: 'mdi-handshake', label: 'records.nav.opportunities' },
  { to: '/duplicates', icon: 'mdi-call-merge', label: 'settings.nav.duplicates', roles: ['manager', 'admin'] },
];

export const adminNav: NavItem[] = [
  { to: '/admin/organization', icon: 'mdi-tune', label: 'rules.organization.title', roles: ['admin'] },
  { to: '/admin/users', icon: 'mdi-account-group', label: 'nav.users', roles: ['admin'] },
  { to: '/admin/api-keys', icon: 'mdi-key', label: 'nav.apiKeys', roles: ['admin'] },
  { to: '/admin/plugins', icon: 'mdi-puzzle', label: 'nav.plugins', roles: ['admin'] },
  { to: '/admin/fields', icon: 'mdi-form-textbox', label: 'settings.nav.fields', roles: ['admin'] },
  { to: '/admin/layouts', icon: 'mdi-view-dashboard-edit', label: 'layouts.nav', roles: ['admin'] },
  { to: '/admin/picklists', icon: 'mdi-format-list-bulleted', label: 'settings.nav.picklists', roles: ['admin'] },
  { to: '/admin/conversion', icon: 'mdi-account-convert', label: 'settings.nav.conversion', roles: ['admin'] },
  { to: '/admin/scoring', icon: 'mdi-star-circle', label: 'nav.scoring', roles: ['manager', 'admin'] },
  { to: '/admin/assignment', icon: 'mdi-account-switch', label: 'nav.assignment', roles: ['manager', 'admin'] },
  { to: '/admin/templates', icon: 'mdi-message-text', label: 'records.nav.templates', roles: ['manager', 'admin'] },
  { to: '/admin/sla', icon: 'mdi-timer-outline', label: 'records.nav.sla', roles: ['manager', 'admin'] },
];
