import type { CsvEntity, EpcisSettings } from '../../src-shared/api/domain-export';
import type { BoardRow } from '../../src-shared/api/domain-shelf-life';
import { AppError } from '../api/app-error';
import type { Handlers } from '../api/registry';
import type { Repos } from '../store/repos';
import type { BizStep } from './epcis';

/** What the exports read: the store, the station's identity and clock, two settings-driven lists. */
export interface ExportDeps {
  repos: Repos;
  stationId: string;
  today: () => string;
  now: () => number;
  epcis: () => EpcisSettings;
  /** Today's pull list, as the shelf-life service computes it. */
  pullList: () => BoardRow[];
}

export interface ExportFile {
  fileName: string;
  bytes: Buffer;
}

/** The EPCIS document for local dates since…until (until defaults to today). */
export async function epcisFile(
  deps: ExportDeps,
  range: { since: string; until?: string | undefined },
): Promise<ExportFile & { events: number; counts: Partial<Record<BizStep, number>> }> {
  // Loaded on first export, not at station start.
  const { buildEpcisDocument, renderEpcis } = await import('./epcis');
  const until = range.until ?? deps.today();
  const { document, counts } = buildEpcisDocument(deps.repos, {
    since: range.since,
    until,
    stationId: deps.stationId,
    settings: deps.epcis(),
    now: new Date(deps.now()),
  });
  return {
    fileName: `epcis-${deps.stationId}-${range.since}_${until}.jsonld`,
    bytes: renderEpcis(document),
    events: document.epcisBody.eventList.length,
    counts,
  };
}

export async function csvFile(
  deps: ExportDeps,
  entity: CsvEntity,
): Promise<ExportFile & { rows: number }> {
  // csv-export reaches pdfkit through the pull list: load it only when asked.
  const { exportCsv } = await import('./csv-export');
  const today = deps.today();
  const { bytes, rows } = exportCsv(entity, {
    repos: deps.repos,
    stationId: deps.stationId,
    today,
    now: new Date(deps.now()),
    pullList: deps.pullList,
  });
  return { fileName: `${entity}-${deps.stationId}-${today}.csv`, bytes, rows };
}

export function exportHandlers(deps: ExportDeps): Handlers<'export.epcis' | 'export.csv'> {
  return {
    'export.epcis': async (input) => {
      const file = await epcisFile(deps, input);
      return {
        fileName: file.fileName,
        mimeType: 'application/ld+json',
        base64: file.bytes.toString('base64'),
        events: file.events,
      };
    },
    'export.csv': async (input, ctx) => {
      // The call is for QC managers and admins; who may sign in is an admin's business only.
      if (input.entity === 'users' && ctx.user?.role !== 'admin') {
        throw new AppError('forbidden', 'Only an admin can export the list of users.');
      }
      const file = await csvFile(deps, input.entity);
      return {
        fileName: file.fileName,
        mimeType: 'text/csv',
        base64: file.bytes.toString('base64'),
        rows: file.rows,
      };
    },
  };
}
