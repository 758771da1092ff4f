/** English UI strings; fa.ts and ar.ts have the same shape (the compiler checks it). */
export const en = {
  app: { name: 'Sarnakh', skipToContent: 'Skip to content', loading: 'Loading…', retry: 'Try again', notFound: 'This page does not exist.', forbidden: 'You do not have access to this page.', home: 'Go to leads' },
  nav: { tasks: 'My tasks', dashboard: 'Dashboard', leads: 'Leads', kanban: 'Pipeline board', admin: 'Settings', users: 'Users and roles', apiKeys: 'API keys and web forms', plugins: 'Plugins', scoring: 'Scoring rules', assignment: 'Assignment rules', menu: 'Menu' },
  user: { menu: 'Account', language: 'Language', calendar: 'Calendar', signOut: 'Sign out', role: { admin: 'Admin', manager: 'Manager', agent: 'Agent' } },
  calendar: { auto: 'As the organization', jalali: 'Solar Hijri (Jalali)', gregorian: 'Gregorian' },
  signIn: { title: 'Sign in to Sarnakh', email: 'Email', password: 'Password', submit: 'Sign in', failed: 'Wrong email or password.', tooMany: 'Too many attempts; wait a minute and try again.' },
  common: { save: 'Save', cancel: 'Cancel', create: 'Create', edit: 'Edit', delete: 'Delete', close: 'Close', apply: 'Apply', clear: 'Clear', yes: 'Yes', no: 'No', none: '—', search: 'Search', saved: 'Saved.', actions: 'Actions', loadMore: 'Load more', noData: 'Nothing here yet.', unassigned: 'Unassigned', all: 'All', copy: 'Copy', copied: 'Copied.', enabled: 'Enabled', version: 'Version', back: 'Back', error: 'Something went wrong.', conflict: 'Someone else changed this; reload and try again.', dateHint: 'yyyy/mm/dd' },
  lead: {
    fields: {
      firstName: 'First name', lastName: 'Last name', mobile: 'Mobile', phone: 'Phone', email: 'Email', company: 'Company', jobTitle: 'Job title', website: 'Website', nationalCode: 'National code', telegramId: 'Telegram', whatsappId: 'WhatsApp', instagramId: 'Instagram', fax: 'Fax', source: 'Source', channel: 'Channel', channelIdentifier: 'Channel identifier', stage: 'Stage', priority: 'Priority', industry: 'Industry', annualRevenue: 'Annual revenue', employees: 'Employees', emailOptOut: 'No marketing email', street: 'Street', poBox: 'PO box', postalCode: 'Postal code', city: 'City', province: 'Province', country: 'Country', description: 'Description', ownerId: 'Owner', score: 'Score', qualification: 'Qualification', lastContactAt: 'Last contact', lastContactResult: 'Last contact result', nextTaskAt: 'Next task', createdAt: 'Created', updatedAt: 'Updated', name: 'Name',
    },
    sections: { person: 'Person', contact: 'Contact', company: 'Company', pipeline: 'Pipeline', address: 'Address', notes: 'Notes' },
    qualification: { cold: 'Cold', mql: 'Marketing qualified', sql: 'Sales qualified' },
    currency: { IRR: 'Rial', IRT: 'Toman' },
  },
  leads: {
    title: 'Leads', new: 'New lead', searchLabel: 'Search name, company or phone', searchHint: 'At least 3 characters to match inside words', filters: 'Filters', columns: 'Columns', createdFrom: 'Created from', createdTo: 'Created to', lastContactFrom: 'Last contact from', lastContactTo: 'Last contact to', archived: 'Archived leads', selected: '{n} selected', assignTo: 'Assign to', assign: 'Assign', archive: 'Archive', unarchive: 'Restore', changeStage: 'Change stage', savedFilters: 'Saved filters', saveFilter: 'Save this filter', filterName: 'Filter name', myNewToday: 'My new leads today', deleteFilter: 'Delete saved filter', count: '{n} shown', bulkDone: '{n} leads updated.', empty: 'No leads match.',
  },
  form: { createTitle: 'New lead', editTitle: 'Edit lead', duplicate: 'A lead with the same {field} already exists.', openDuplicate: 'Open it', fixErrors: 'Fix the fields marked below.', created: 'Lead created.', updated: 'Lead saved.' },
  detail: { profile: 'Profile', timeline: 'Timeline', score: 'Score', explainScore: 'Why this score', total: 'Total', stale: 'The stored score differs; it will be recomputed.', call: 'Call', sms: 'SMS', whatsapp: 'WhatsApp', archived: 'Archived', converted: 'Converted', stageChanged: 'Stage changed.', archivedDone: 'Lead archived.', restored: 'Lead restored.', panels: 'More' },
  activity: { task_reopened: 'Task reopened', sla_breached: 'Response deadline missed', converted: 'Converted', merged: 'Merged', unmerged: 'Unmerged', note: 'Note', call: 'Call', task_created: 'Task scheduled', task_completed: 'Task done', created: 'Created the lead', updated: 'Changed fields', assigned: 'Assigned', stage_changed: 'Moved stage', archived: 'Archived', unarchived: 'Restored', duplicate_submitted: 'Submitted again', sms_received: 'SMS received', sms_sent: 'SMS sent', other: 'Activity', system: 'System', by: 'by {name}' },
  tasks: { title: 'My tasks', today: 'Today', upcoming: 'Upcoming', overdue: 'Overdue', done: 'Done', complete: 'Mark done', reopen: 'Reopen', due: 'Due', empty: 'No tasks here.', urgent: 'Urgent' },
  notifications: { title: 'Notifications', markAll: 'Mark all read', empty: 'No notifications.', 'task.reminder': 'Reminder: {title}', 'lead.slaBreached': 'A lead waited too long for a first response', 'task.assigned': 'New task for you: {title}', other: 'Notification' },
  followUp: { title: 'Follow up', note: 'Note', addNote: 'Add note', logCall: 'Log call', result: 'Call result', schedule: 'Schedule follow-up', taskTitle: 'What to do', dueDate: 'Due date', dueTime: 'Time', saved: 'Saved to the timeline.', tasks: 'Tasks' },
  convert: { action: 'Convert', title: 'Convert the lead', organization: 'Create an organization', contact: 'Create a contact', opportunity: 'Create an opportunity', name: 'Opportunity name', amount: 'Amount', currency: 'Currency', expectedClose: 'Expected close date', stage: 'Opportunity stage', assignTo: 'Assign the new records to', done: 'Lead converted.', pickOne: 'Choose at least one record to create.' },
  kanban: { title: 'Pipeline board', moveTo: 'Move to', moved: 'Moved to {stage}.', dragHint: 'Drag a card to another column, or use its menu.' },
  dashboard: { title: 'Dashboard', noWidgets: 'No widgets: enable a plugin that has some.' },
  admin: {
    users: { title: 'Users and roles', add: 'Add user', name: 'Name', email: 'Email', role: 'Role', active: 'Active', password: 'Password', newPassword: 'New password (optional)', created: 'User added.' },
    apiKeys: { title: 'API keys and web forms', add: 'New key', name: 'Name', kind: 'Kind', kinds: { form: 'Web form', server: 'Server' }, origins: 'Allowed sites (one per line)', originsHint: 'e.g. https://example.com', created: 'Created', expires: 'Expires', active: 'Active', revoke: 'Revoke', revoked: 'Key revoked.', keyOnce: 'Copy the key now: it will not be shown again.', snippet: 'Paste this form into your site', rateLimit: 'Requests per minute', defaults: 'Defaults for captured leads' },
    plugins: { title: 'Plugins', settings: 'Settings', pages: 'Pages', noSettings: 'This plugin has no settings.', dependsOn: 'Needs', json: 'Settings (JSON)', invalidJson: 'This is not valid JSON.' },
    scoring: { title: 'Scoring rules', help: 'Fit rules give points for field values; behavior rules for activity, decaying per day; thresholds decide cold, MQL and SQL.', recompute: 'Rescore all leads', queued: 'Rescoring in the background.' },
    assignment: { title: 'Assignment rules', help: 'Rules are tried in order; the first match picks the pool and its strategy. Leads no rule matches go to the fallback pool.', strategies: 'Enabled strategies', users: 'User ids', rules: 'Rules (JSON)' },
    jsonError: 'Line {line}: this is not valid JSON.',
  },
};

export type Messages = typeof en;
