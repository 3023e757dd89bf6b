// An error that stops the server's start with a message for the person running it: what is wrong
// and what to do. The CLI prints the message alone (no stack) and exits 1; the cause, when there
// is one, is kept for a debugger.
export class StartRefused extends Error {
  override readonly name = 'StartRefused';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Code and message of an underlying error: a database error may carry the values it wrote. */
export function describeCause(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : 'unknown error';
  return typeof code === 'string' ? `${code}: ${text}` : text;
}
