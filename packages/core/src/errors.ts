export interface UserErrorWhere {
  file?: string;
  field?: string;
  expected?: string;
  line?: number;
}

/**
 * Something the user can fix: a bad file, flag or config value. Carries where and what was expected,
 * so the CLI and actions can print it without a stack and exit 2. Anything else thrown is a bug.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly file: string | undefined;
  readonly field: string | undefined;
  readonly expected: string | undefined;
  /** 1-based line in `file`, when the input is text a person edits (config files). */
  readonly line: number | undefined;

  constructor(message: string, where: UserErrorWhere = {}) {
    super(UserError.format(message, where));
    this.file = where.file;
    this.field = where.field;
    this.expected = where.expected;
    this.line = where.line;
  }

  private static format(message: string, where: UserErrorWhere): string {
    const parts: string[] = [];
    if (where.file) parts.push(where.line !== undefined ? `${where.file}:${where.line}` : where.file);
    if (where.field) parts.push(`field ${where.field}`);
    const prefix = parts.length > 0 ? `${parts.join(': ')}: ` : '';
    const suffix = where.expected ? ` (expected ${where.expected})` : '';
    return `${prefix}${message}${suffix}`;
  }
}

/** A scanner or service failed (unreachable, refused): exit 3. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
