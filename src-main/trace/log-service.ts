import type { KeyObject } from 'node:crypto';
import type { LogEntry } from '../../src-shared/api/domain-log';
import type { Db } from '../store/database';
import { eventFromRow } from '../store/event-log';
import { verifyLog, type VerifyResult } from '../store/log-verify';
import type { Repos } from '../store/repos';
import { describeEvent } from './describe-event';

export class LogService {
  constructor(
    private readonly db: Db,
    private readonly repos: Repos,
    private readonly publicKey: KeyObject,
    private readonly stationId: string,
  ) {}

  recent(beforeSeq: number | undefined, limit: number, subject?: string): LogEntry[] {
    const names = this.repos.users.names();
    return this.repos.events
      .recent(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit, subject)
      .map((row) => {
        const e = eventFromRow(row);
        return {
          seq: e.seq,
          id: e.id,
          recordedAt: e.recordedAt,
          actor: e.actor,
          actorName: names.get(e.actor) ?? null,
          type: e.type,
          subjects: e.subjects,
          summary: describeEvent(e.type, JSON.parse(e.payloadJson)),
          hash: e.hash,
          signed: e.signature !== null,
        };
      });
  }

  verify(): VerifyResult {
    return verifyLog(this.db, this.publicKey, this.stationId);
  }
}
