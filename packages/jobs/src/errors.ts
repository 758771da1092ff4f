export type JobErrorCode = 'UNKNOWN_QUEUE' | 'INVALID_DATA' | 'NOT_STARTED';

/** A refused job-runner call: a queue nobody registered, data its parser rejects, or no running runner. */
export class JobError extends Error {
  override readonly name = 'JobError';
  readonly code: JobErrorCode;
  /** The queue the call was about, when there is one. */
  readonly queue: string | undefined;
  /** With `INVALID_DATA`: the parser's issues (zod's `error.issues`), when it reports them. */
  readonly issues: readonly unknown[] | undefined;

  constructor(code: JobErrorCode, message: string, options: { queue?: string; issues?: readonly unknown[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.queue = options.queue;
    this.issues = options.issues;
  }
}
