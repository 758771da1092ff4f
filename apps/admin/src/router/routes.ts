import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../stores/session.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable signed out (sign-in); every other route needs a session. */
    public?: boolean;
    /** Roles that may open it; every signed-in user when absent. */
    roles?: readonly Role[];
    /** The i18n key of the page title. */
    title?: string;
  }
}

const managers: Role[] = ['manager', 'admin'];
const admins: Role[] = ['admin'];

/** Every screen, one view per file, each loaded when first opened. */
export const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('../views/SignInView.vue'), meta: { public: true, title: 'signIn.title' } },
  { path: '/', redirect: { name: 'leads' } },
  { path: '/dashboard', name: 'dashboard', component: () => import('../views/DashboardView.vue'), meta: { title: 'nav.dashboard' } },
  { path: '/leads', name: 'leads', component: () => import('../views/LeadsListView.vue'), meta: { title: 'nav.leads' } },
  { path: '/leads/new', name: 'lead-new', component: () => import('../views/LeadFormView.vue'), meta: { title: 'form.createTitle' } },
  { path: '/leads/:id', name: 'lead', component: () => import('../views/LeadDetailView.vue'), props: true, meta: { title: 'detail.profile' } },
  { path: '/leads/:id/edit', name: 'lead-edit', component: () => import('../views/LeadFormView.vue'), props: true, meta: { title: 'form.editTitle' } },
  { path: '/organizations', name: 'organizations', component: () => import('../views/records/OrganizationsView.vue'), meta: { title: 'records.nav.organizations' } },
  { path: '/organizations/:id', name: 'organization', component: () => import('../views/records/RecordDetailView.vue'), props: (r) => ({ kind: 'organization', id: r.params.id }), meta: { title: 'records.kinds.organization' } },
  { path: '/contacts', name: 'contacts', component: () => import('../views/records/ContactsView.vue'), meta: { title: 'records.nav.contacts' } },
  { path: '/contacts/:id', name: 'contact', component: () => import('../views/records/RecordDetailView.vue'), props: (r) => ({ kind: 'contact', id: r.params.id }), meta: { title: 'records.kinds.contact' } },
  { path: '/opportunities', name: 'opportunities', component: () => import('../views/records/OpportunitiesView.vue'), meta: { title: 'records.nav.opportunities' } },
  { path: '/opportunities/:id', name: 'opportunity', component: () => import('../views/records/RecordDetailView.vue'), props: (r) => ({ kind: 'opportunity', id: r.params.id }), meta: { title: 'records.kinds.opportunity' } },
  { path: '/tasks', name: 'tasks', component: () => import('../views/TasksView.vue'), meta: { title: 'nav.tasks' } },
  { path: '/kanban', name: 'kanban', component: () => import('../views/KanbanView.vue'), meta: { title: 'nav.kanban' } },
  { path: '/admin/users', name: 'admin-users', component: () => import('../views/admin/UsersView.vue'), meta: { roles: admins, title: 'nav.users' } },
  { path: '/admin/api-keys', name: 'admin-api-keys', component: () => import('../views/admin/ApiKeysView.vue'), meta: { roles: admins, title: 'nav.apiKeys' } },
  { path: '/admin/plugins', name: 'admin-plugins', component: () => import('../views/admin/PluginsView.vue'), meta: { roles: admins, title: 'nav.plugins' } },
  { path: '/admin/plugins/:id', name: 'admin-plugin', component: () => import('../views/admin/PluginSettingsView.vue'), props: true, meta: { roles: admins, title: 'admin.plugins.settings' } },
  { path: '/admin/scoring', name: 'admin-scoring', component: () => import('../views/admin/ScoringView.vue'), meta: { roles: managers, title: 'nav.scoring' } },
  { path: '/admin/assignment', name: 'admin-assignment', component: () => import('../views/admin/AssignmentView.vue'), meta: { roles: managers, title: 'nav.assignment' } },
  { path: '/admin/organization', name: 'admin-organization', component: () => import('../views/admin/OrganizationView.vue'), meta: { roles: admins, title: 'rules.organization.title' } },
  { path: '/admin/fields', name: 'admin-fields', component: () => import('../views/admin/FieldsView.vue'), meta: { roles: admins, title: 'settings.nav.fields' } },
  { path: '/admin/layouts', name: 'admin-layouts', component: () => import('../views/admin/LayoutsView.vue'), meta: { roles: admins, title: 'layouts.nav' } },
  { path: '/admin/picklists', name: 'admin-picklists', component: () => import('../views/admin/PicklistsView.vue'), meta: { roles: admins, title: 'settings.nav.picklists' } },
  { path: '/admin/conversion', name: 'admin-conversion', component: () => import('../views/admin/ConversionMappingView.vue'), meta: { roles: admins, title: 'settings.nav.conversion' } },
  { path: '/admin/templates', name: 'admin-templates', component: () => import('../views/admin/TemplatesView.vue'), meta: { roles: managers, title: 'records.nav.templates' } },
  { path: '/admin/sla', name: 'admin-sla', component: () => import('../views/admin/SlaView.vue'), meta: { roles: managers, title: 'records.nav.sla' } },
  { path: '/duplicates', name: 'duplicates', component: () => import('../views/DuplicatesView.vue'), meta: { roles: managers, title: 'settings.nav.duplicates' } },
  // A plugin's own pages: `/plugins/<id>/<path>`, resolved against its admin half at run time.
  { path: '/plugins/:pluginId/:page(.*)', name: 'plugin-page', component: () => import('../views/PluginPageView.vue'), props: true },
  { path: '/:missing(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
];
