/**
 * Errors of the sampling domain. Every failure carries a stable `code` (for the API and the tests)
 * and a `message` written for the QC manager or the inspector who will read it on screen.
 */
export type SamplingErrorCode =
  | 'invalid-lot-size'
  | 'unknown-inspection-level'
  | 'unknown-aql'
  | 'unknown-severity'
  | 'invalid-defect-count'
  | 'inconsistent-lot-result'
  | 'missing-plan'
  | 'invalid-lot-result'
  | 'inspection-discontinued'
  | 'not-discontinued'
  | 'not-on-reduced-inspection'
  | 'reduced-not-earned'
  | 'invalid-population'
  | 'invalid-count'
  | 'invalid-seed'
  | 'invalid-entropy'
  | 'invalid-date'
  | 'invalid-quota'
  | 'no-defect-class';

export class SamplingError extends Error {
  readonly code: SamplingErrorCode;

  constructor(code: SamplingErrorCode, message: string) {
    super(message);
    this.name = 'SamplingError';
    this.code = code;
  }
}

export function isSamplingError(value: unknown): value is SamplingError {
  return value instanceof SamplingError;
}
