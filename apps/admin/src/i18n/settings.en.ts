/** English strings of the settings, duplicates and records screens; fa and ar have the same shape. */
export const settingsEn = {
  nav: { fields: 'Custom fields', picklists: 'Picklists', duplicates: 'Duplicates', conversion: 'Conversion mapping' },
  locales: { fa: 'Persian', ar: 'Arabic', en: 'English' },
  fields: {
    title: 'Custom fields', add: 'New field', edit: 'Edit field', showArchived: 'Show archived fields', key: 'Key', keyHint: 'a lower-case letter, then letters, digits or _', type: 'Type', label: 'Label ({locale})', required: 'Required', default: 'Default value', indexed: 'Indexed (fast filter and sort)', validation: 'Validation (JSON)', validationHint: 'Settings such as min, max, minLength, maxLength, pattern', invalidJson: 'This is not valid JSON.',
    options: 'Options', addOption: 'Add option', removeOption: 'Remove option', optionKey: 'Option key', archive: 'Archive', restore: 'Restore', archived: 'Archived', archivedDone: 'Field archived.', restoredDone: 'Field restored.', savedDone: 'Field saved.', empty: 'No custom fields yet.',
  },
  picklists: {
    title: 'Picklists', list: 'List', lists: { stage: 'Stages', source: 'Sources', channel: 'Channels', priority: 'Priorities', industry: 'Industries', lastContactResult: 'Last contact results' },
    add: 'Add value', key: 'Key', label: 'Label ({locale})', color: 'Colour', won: 'Won', lost: 'Lost', retire: 'Retire', restore: 'Restore', retired: 'Retired', moveUp: 'Move up', moveDown: 'Move down', savedDone: 'Saved.', showRetired: 'Show retired values',
  },
  conversion: { title: 'Conversion mapping', help: 'When a lead is converted, each row copies a lead field into a field of the new organization, contact or opportunity.', from: 'Lead field', target: 'Record', to: 'Record field', add: 'Add row' },
  merge: {
    title: 'Duplicates', by: 'Group by', byPhone: 'Phone number', byEmail: 'Email', group: '{n} leads', merge: 'Merge', dialogTitle: 'Merge leads', survivor: 'Keep this lead', field: 'Field', keepValue: 'Value to keep', done: 'Leads merged.', empty: 'No duplicates found.',
    history: 'Merge history', mergedInto: 'Merged {n} leads into this one', mergedAway: 'Merged into another lead', undo: 'Unmerge', undone: 'Undone', undoneDone: 'Merge undone.', findDuplicates: 'Find duplicates', noDuplicates: 'No similar leads.', matchedOn: 'matched on {field}',
  },
};

export type SettingsMessages = typeof settingsEn;
