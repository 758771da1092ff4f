export { createJobRunner } from './runner.js';
export { JobError, type JobErrorCode } from './errors.js';
export { jobsSchemaName } from './pg-boss-db.js';
export type {
  JobContext,
  JobDefinition,
  JobInfo,
  JobLogger,
  JobRunner,
  JobRunnerOptions,
  JobState,
  SendOptions,
} from './types.js';
