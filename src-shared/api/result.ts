/**
 * What crosses the API boundary (Electron IPC or the loopback HTTP bridge): always a value or a
 * clean error, never a stack trace. Error codes are stable; the UI translates them.
 */
export const API_ERROR_CODES = [
  'invalid_input',
  'unknown_call',
  'unauthenticated',
  'forbidden',
  'bad_token',
  'bad_origin',
  'not_found',
  'conflict',
  'refused',
  'locked',
  'unavailable',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** Values for the UI's translated message (e.g. the seconds left on a lock-out). */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ApiErrorCode,
  message: string,
  params?: Record<string, string | number>,
): { ok: false; error: ApiError } {
  return params
    ? { ok: false, error: { code, message, params } }
    : { ok: false, error: { code, message } };
}
