import type { Gs1ErrorCode } from './errors';

/** Why one component failed one linter. */
export interface LintFailure {
  readonly code: Gs1ErrorCode;
  /** Absolute index in the string that was checked. */
  readonly position: number;
  /** Sentence fragment that follows the AI's name, e.g. "check digit is wrong: expected 2, got 7". */
  readonly text: string;
}

/** Checks s[start, end); null when the component passes. Must not throw on any content. */
export type Linter = (s: string, start: number, end: number) => LintFailure | null;

export function fail(code: Gs1ErrorCode, position: number, text: string): LintFailure {
  return { code, position, text };
}
