/** What went wrong, in words a coordinator can act on; `code` is for programs. */
export type PalsErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'ambiguous'
  | 'duplicate'
  | 'store-corrupt'
  | 'store-newer'
  | 'store-locked'
  | 'store-write'
  | 'io'
  | 'github';

/** The one error type that crosses boundaries (CLI, IPC, HTTP) with a user-facing message. */
export class PalsError extends Error {
  override readonly name = 'PalsError';
  constructor(
    readonly code: PalsErrorCode,
    message: string,
    /** The input field at fault, when there is one (a form shows the message beside it). */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** True for errors the core raised on purpose (their message is safe to show as is). */
export function isPalsError(error: unknown): error is PalsError {
  return error instanceof PalsError;
}
