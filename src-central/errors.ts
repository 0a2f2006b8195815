import type { SyncErrorBody, SyncErrorCode } from '../src-shared/sync/protocol';

/** A refusal with a protocol error code; the server answers it as `syncErrorBody`. */
export class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: Pick<SyncErrorBody, 'ackedSeq' | 'seq'> = {},
  ) {
    super(message);
    this.name = 'SyncError';
  }

  body(): SyncErrorBody {
    return { error: this.code, message: this.message, ...this.extra };
  }
}

/**
 * A failed verification of what a station signed (a request, an event, a checkpoint). It is
 * recorded against the station after the refused transaction rolled back, so the record stays.
 */
export class VerificationError extends SyncError {
  constructor(
    status: number,
    code: SyncErrorCode,
    message: string,
    readonly stationId: string,
    readonly reason: string,
    extra: Pick<SyncErrorBody, 'ackedSeq' | 'seq'> = {},
  ) {
    super(status, code, message, extra);
    this.name = 'VerificationError';
  }
}

export const badRequest = (message: string) => new SyncError(400, 'bad-request', message);
