import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH, hashRow } from '../src-main/store/event-hash';
import { publicKeyFromPem, verifyHashSignature } from '../src-main/store/station-identity';
import type { BatchAck, EventBatch, WireEvent } from '../src-shared/sync/protocol';
import type { CentralDb } from './db';
import { SyncError, VerificationError } from './errors';
import { checkpointsInRange } from './store/checkpoints';
import { insertEvents, storedHashes } from './store/events';
import { advanceAck, lockStation, recordVerificationFailure } from './store/stations';

/**
 * Everything about a batch that does not depend on what head office holds: consecutive seqs,
 * the signer's station id, each hash recomputed from the wire fields, the links inside the batch,
 * every signature present, and a signature on the last event (through the chain it covers the
 * whole batch). Done before the station row is locked: it is the CPU-heavy part.
 */
export function verifyBatchShape(
  events: readonly WireEvent[],
  stationId: string,
  publicKey: KeyObject,
): void {
  const fail = (e: WireEvent, reason: string, detail: string) =>
    new VerificationError(422, 'chain-broken', `Event ${e.seq}: ${detail}`, stationId, reason, {
      seq: e.seq,
    });
  let previous: WireEvent | null = null;
  for (const e of events) {
    if (previous && e.seq !== previous.seq + 1) {
      throw fail(e, 'seq', `seq ${e.seq} does not follow ${previous.seq} in the batch`);
    }
    if (e.stationId !== stationId) {
      throw fail(e, 'station', `it belongs to station ${e.stationId}, not to the signer`);
    }
    const recomputed = hashRow({
      ...e,
      subjectsJson: e.subjects,
      payloadJson: e.payload,
    });
    if (recomputed !== e.hash) throw fail(e, 'hash', 'its hash does not match its contents');
    if (previous && e.prevHash !== previous.hash) {
      throw fail(e, 'link', 'its prevHash is not the hash of the event before it');
    }
    if (e.signature !== null && !verifyHashSignature(publicKey, e.hash, e.signature)) {
      throw fail(e, 'signature', "its signature does not verify with the station's key");
    }
    previous = e;
  }
  const last = events.at(-1);
  if (last && last.signature === null) {
    throw fail(last, 'unsigned', 'the last event of a batch must carry the station signature');
  }
}

/**
 * Stores a batch in ONE transaction with the station row locked: compare what is already held,
 * check the first new event links to the acknowledged head, check held checkpoints, insert,
 * advance the high-water mark, commit. The acknowledgement is sent only after the commit, so an
 * acknowledged event is durable; a batch sent twice at once is serialised by the row lock and
 * the second finds its events already held (and the primary key would refuse them anyway).
 */
export async function ingestBatch(
  db: CentralDb,
  stationId: string,
  publicKeyPem: string,
  batch: EventBatch,
  now: Date,
): Promise<BatchAck> {
  try {
    verifyBatchShape(batch.events, stationId, publicKeyFromPem(publicKeyPem));
    return await db.transaction(async (tx) => {
      const station = await lockStation(tx, stationId);
      if (!station) throw new SyncError(401, 'unknown-station', `Unknown station ${stationId}.`);
      const { ackedSeq, ackedHash } = station;
      const events = batch.events;
      const first = events[0];
      const last = events.at(-1);
      if (!first || !last) throw new SyncError(400, 'bad-request', 'An empty batch.');
      if (first.seq <= ackedSeq) {
        const held = await storedHashes(tx, stationId, first.seq, Math.min(last.seq, ackedSeq));
        for (const e of events) {
          if (e.seq > ackedSeq) break;
          if (held.get(e.seq) !== e.hash) {
            throw new VerificationError(
              409,
              'chain-broken',
              `Event ${e.seq} differs from the one head office already holds: the station's log was rewritten.`,
              stationId,
              'rewritten',
              { seq: e.seq, ackedSeq },
            );
          }
        }
      }
      const fresh = events.filter((e) => e.seq > ackedSeq);
      const head = fresh[0];
      if (!head) return { ackedSeq, ackedHash, stored: 0 };
      if (head.seq !== ackedSeq + 1) {
        throw new SyncError(
          409,
          'gap',
          `Head office holds events up to ${ackedSeq}; this batch starts at ${head.seq}. Resend from ${ackedSeq + 1}.`,
          { ackedSeq },
        );
      }
      if (head.prevHash !== (ackedSeq === 0 ? GENESIS_HASH : ackedHash)) {
        throw new VerificationError(
          422,
          'chain-broken',
          `Event ${head.seq}: its prevHash is not the hash of event ${ackedSeq} that head office holds.`,
          stationId,
          'link',
          { seq: head.seq, ackedSeq },
        );
      }
      const newest = fresh.at(-1) ?? head;
      for (const c of await checkpointsInRange(tx, stationId, head.seq, newest.seq)) {
        const e = fresh[c.headSeq - head.seq];
        if (e && e.hash !== c.headHash) {
          throw new SyncError(
            409,
            'checkpoint-conflict',
            `Event ${e.seq} contradicts checkpoint ${c.number}, which head office holds.`,
            { seq: e.seq, ackedSeq },
          );
        }
      }
      await insertEvents(tx, fresh, now);
      await advanceAck(tx, stationId, newest.seq, newest.hash);
      return { ackedSeq: newest.seq, ackedHash: newest.hash, stored: fresh.length };
    });
  } catch (err) {
    // The refused transaction rolled back; the record of the failure is written on its own.
    if (err instanceof VerificationError) {
      await recordVerificationFailure(db, err.stationId, err.reason, err.message);
    }
    throw err;
  }
}
