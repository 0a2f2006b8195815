import type { ApiErrorCode } from '../../src-shared/api/result';

/** An error a handler raises on purpose: its code and message reach the UI as they are. */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
