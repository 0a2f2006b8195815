import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  id: string;
  stationId: string;
  recordedAt: number;
  actor: string;
  coActor: string | null;
  type: string;
  /** JSON array text of the subject ids (canonical: an array of strings). */
  subjectsJson: string;
  /** Canonical JSON (RFC 8785) of the payload, exactly as stored. */
  payloadJson: string;
  reason: string | null;
  prevHash: string;
}

/**
 * The row's canonical JSON (RFC 8785): keys in code-unit order, no whitespace. The payload is
 * already canonical text, so it is embedded as is instead of being parsed and re-serialised —
 * the log verifier runs this over millions of rows. A test checks it against `canonicalize`.
 */
export function canonicalRow(f: HashedFields): string {
  return (
    `{"actor":${JSON.stringify(f.actor)},"coActor":${JSON.stringify(f.coActor)},` +
    `"id":${JSON.stringify(f.id)},"payload":${f.payloadJson},"prevHash":${JSON.stringify(f.prevHash)},` +
    `"reason":${JSON.stringify(f.reason)},"recordedAt":${f.recordedAt},"seq":${f.seq},` +
    `"stationId":${JSON.stringify(f.stationId)},"subjects":${f.subjectsJson},"type":${JSON.stringify(f.type)}}`
  );
}

export function hashRow(f: HashedFields): string {
  return hash('sha256', canonicalRow(f), 'hex');
}
