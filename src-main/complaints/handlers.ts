import type { Handlers } from '../api/registry';
import { AppError } from '../api/app-error';
import type { ComplaintService } from './complaint-service';
import type { RecallService } from './recall-service';

type ComplaintsCall =
  | 'complaints.record'
  | 'complaints.list'
  | 'complaints.get'
  | 'complaints.link'
  | 'complaints.decide'
  | 'capa.open'
  | 'capa.update'
  | 'capa.verify'
  | 'capa.close'
  | 'capa.list'
  | 'recalls.preview'
  | 'recalls.open'
  | 'recalls.list'
  | 'recalls.get'
  | 'recalls.markLot'
  | 'recalls.close'
  | 'recalls.export';

export function complaintsHandlers(
  complaints: ComplaintService,
  recalls: RecallService,
): Handlers<ComplaintsCall> {
  const actor = (user: { userId: string } | null) => user?.userId ?? 'system';
  return {
    'complaints.record': (input, ctx) => complaints.record(input, actor(ctx.user)),
    'complaints.list': (input) => complaints.list(input),
    'complaints.get': (input) => complaints.get(input.complaintId),
    'complaints.link': (input, ctx) => complaints.link(input, actor(ctx.user)),
    'complaints.decide': (input, ctx) => complaints.decide(input, actor(ctx.user)),
    'capa.open': (input, ctx) => complaints.openCapa(input, actor(ctx.user)),
    'capa.update': (input, ctx) => complaints.updateCapa(input, actor(ctx.user)),
    'capa.verify': (input, ctx) => complaints.verifyCapa(input, actor(ctx.user)),
    'capa.close': (input, ctx) => complaints.closeCapa(input, actor(ctx.user)),
    'capa.list': (input) => complaints.capas(input),
    'recalls.preview': (input) => recalls.preview(input),
    'recalls.open': (input, ctx) => {
      // The holds carry the manager's signature: the call needs the signed-in manager.
      if (!ctx.user) throw new AppError('unauthenticated', 'Sign in as a QC manager.');
      return recalls.open(input, ctx.user);
    },
    'recalls.list': () => recalls.list(),
    'recalls.get': (input) => recalls.get(input.recallId),
    'recalls.markLot': (input, ctx) => recalls.markLot(input, actor(ctx.user)),
    'recalls.close': (input, ctx) => recalls.close(input, actor(ctx.user)),
    'recalls.export': (input) => {
      const { fileName, csv, rows } = recalls.exportCsv(input.recallId);
      return { fileName, mimeType: 'text/csv', base64: csv.toString('base64'), rows };
    },
  };
}
