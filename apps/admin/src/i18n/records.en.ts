/** English strings of the records, message template and SLA screens; fa and ar have the same shape. */
export const recordsEn = {
  nav: { organizations: 'Organizations', contacts: 'Contacts', opportunities: 'Opportunities', templates: 'Message templates', sla: 'Response-time SLA' },
  kinds: { organization: 'Organization', contact: 'Contact', opportunity: 'Opportunity' },
  create: { organization: 'New organization', contact: 'New contact', opportunity: 'New opportunity' },
  editTitle: { organization: 'Edit organization', contact: 'Edit contact', opportunity: 'Edit opportunity' },
  empty: { organization: 'No organizations yet.', contact: 'No contacts yet.', opportunity: 'No opportunities yet.' },
  searchLabel: { organization: 'Search names', contact: 'Search name, mobile or email', opportunity: 'Search names' },
  fields: {
    name: 'Name', phone: 'Phone', website: 'Website', industry: 'Industry', city: 'City', ownerId: 'Owner',
    firstName: 'First name', lastName: 'Last name', mobile: 'Mobile', email: 'Email', jobTitle: 'Job title', organizationId: 'Organization',
    amount: 'Amount', currency: 'Currency', expectedCloseDate: 'Expected close date', salesStage: 'Sales stage', contactId: 'Contact',
    leadId: 'Converted from', createdAt: 'Created', updatedAt: 'Updated',
  },
  salesStages: { prospecting: 'Prospecting', qualification: 'Qualification', proposal: 'Proposal', negotiation: 'Negotiation', closed_won: 'Closed won', closed_lost: 'Closed lost' },
  pickRecord: 'Type to search',
  detail: {
    details: 'Details', links: 'Links', lead: 'The lead it came from', openLead: 'Open the lead', noLead: 'Created directly, not converted from a lead.',
    sameLead: 'Records converted from the same lead', contacts: 'Contacts', opportunities: 'Opportunities', noneLinked: 'None.', history: 'History', noHistory: 'No activity linked to this record.',
    notFound: 'This record does not exist, or you cannot see it.', created: 'Created.', saved: 'Saved.',
  },
  templates: {
    title: 'Message templates', add: 'New template', edit: 'Edit template', name: 'Name', channel: 'Channel',
    channels: { sms: 'SMS', whatsapp: 'WhatsApp', email: 'Email' },
    body: 'Text ({locale})', subject: 'Subject ({locale})', bodyHint: 'Write the text in at least one language.',
    insert: 'Insert a placeholder', insertInto: 'Inserted into: {field}', customFields: 'Custom fields', ownerName: 'Owner’s name',
    preview: 'Preview', previewTitle: 'Preview: {name}', previewLead: 'Lead to preview with', previewLocale: 'Language', previewPick: 'Choose a lead to see the message filled in.',
    renderedIn: 'Rendered in {locale}', missing: 'No value for: {names}',
    archive: 'Archive', archived: 'Archived', archivedDone: 'Template archived.', showArchived: 'Show archived templates', savedDone: 'Template saved.', empty: 'No templates for this channel.',
  },
  message: {
    action: 'Message from template', template: 'Template', copy: 'Copy text', sms: 'Send SMS', whatsapp: 'Open WhatsApp', email: 'Write email',
    noTemplates: 'No message templates yet.', noMobile: 'This lead has no mobile number.', noEmail: 'This lead has no email address.',
  },
  sla: {
    title: 'Response-time SLA', help: 'How long a new lead may wait for its first response, counted in business hours. The first target that matches a lead’s source and priority applies; otherwise the default.',
    enabled: 'Set response deadlines on new leads', defaultMinutes: 'Default target (minutes)', minutes: 'Minutes',
    targets: 'Targets by source and priority', addTarget: 'Add target', removeTarget: 'Remove target', targetName: 'Policy name', source: 'Source', priority: 'Priority', noTargets: 'No targets: every lead gets the default.',
    hours: 'Business hours', from: 'From', to: 'To', timeHint: 'HH:MM', addWindow: 'Add hours', removeWindow: 'Remove hours', closed: 'Closed',
    days: { sat: 'Saturday', sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' },
    holidays: 'Holidays', holiday: 'Holiday', addHoliday: 'Add holiday', removeHoliday: 'Remove holiday', noHolidays: 'No holidays.',
    timeZone: 'Time zone', savedDone: 'Settings saved.', readOnly: 'Only admins can change these settings.',
  },
};

export type RecordsMessages = typeof recordsEn;
