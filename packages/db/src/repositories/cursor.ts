export interface CursorPosition {
  /** The sort expression's value as Postgres prints it (keeps microseconds and infinities). */
  value: string;
  id: string;
}

interface Sort {
  /** A built-in sort or `custom.<key>`. */
  field: string;
  direction: 'asc' | 'desc';
}

export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(`invalid cursor: ${reason}`);
    this.name = 'InvalidCursorError';
  }
}

/** Opaque to clients; it names the sort it belongs to, so it cannot be replayed under another. */
export function encodeCursor(sort: Sort, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([sort.field, sort.direction, position.value, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: Sort): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not a cursor');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    !parsed.every((p) => typeof p === 'string')
  ) {
    throw new InvalidCursorError('not a cursor');
  }
  const [field, direction, value, id] = parsed as [string, string, string, string];
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new InvalidCursorError('not a cursor');
  if (field !== sort.field || direction !== sort.direction) {
    throw new InvalidCursorError('it belongs to another sort order');
  }
  return { value, id };
}
