import type { Handlers } from '../api/registry';
import type { InspectionService } from './inspection-service';
import type { InspectionViews } from './inspection-views';
import type { LotDecisions } from './lot-decisions';

type InspectionCall =
  | 'inspection.queue'
  | 'inspection.proposal'
  | 'inspection.start'
  | 'inspection.get'
  | 'inspection.ofLot'
  | 'inspection.recordUnit'
  | 'inspection.complete'
  | 'inspection.decide'
  | 'inspection.signOffNeeded'
  | 'inspection.skip'
  | 'inspection.quota'
  | 'inspection.evidencePack'
  | 'inspection.switching'
  | 'inspection.switchingDecision';

export function inspectionHandlers(
  service: InspectionService,
  decisions: LotDecisions,
  views: InspectionViews,
  evidencePack: (lotId: string) => Promise<{ fileName: string; pdf: Buffer }>,
): Handlers<InspectionCall> {
  const actor = (user: { userId: string } | null) => user?.userId ?? 'system';
  return {
    'inspection.queue': () => views.queue(),
    'inspection.proposal': (input) => views.proposal(service.proposal(input.lotId)),
    'inspection.start': (input, ctx) =>
      views.inspection(service.start(input.lotId, actor(ctx.user)).inspection_id),
    'inspection.get': (input) => views.inspection(input.inspectionId),
    'inspection.ofLot': (input) => views.ofLot(input.lotId),
    'inspection.recordUnit': (input, ctx) => {
      service.recordUnit(input.inspectionId, input, actor(ctx.user));
      return views.inspection(input.inspectionId);
    },
    'inspection.complete': (input, ctx) => {
      service.complete(input.inspectionId, actor(ctx.user));
      return views.inspection(input.inspectionId);
    },
    'inspection.decide': (input, ctx) => {
      const stored = decisions.decide(input, actor(ctx.user));
      return {
        lotId: input.lotId,
        decision: input.decision,
        seq: stored.seq,
        eventHash: stored.hash,
      };
    },
    'inspection.signOffNeeded': (input) =>
      decisions.requirement(input.lotId, input.decision, input.conditional),
    'inspection.skip': (input, ctx) => {
      decisions.skipLot(input.lotId, actor(ctx.user));
      return { lotId: input.lotId };
    },
    'inspection.quota': () => service.quota(),
    'inspection.evidencePack': async (input) => {
      const pack = await evidencePack(input.lotId);
      return {
        fileName: pack.fileName,
        mimeType: 'application/pdf',
        base64: pack.pdf.toString('base64'),
      };
    },
    'inspection.switching': (input) => views.switching(input.supplierId),
    'inspection.switchingDecision': (input, ctx) => {
      const who = actor(ctx.user);
      if (input.action === 'approve-reduced')
        decisions.approveReduced(
          input.supplierId,
          input.skuId,
          input.productionSteady ?? false,
          who,
        );
      else if (input.action === 'reinstate-normal')
        decisions.reinstateNormal(
          input.supplierId,
          input.skuId,
          input.reason ?? 'manager-decision',
          who,
        );
      else decisions.resume(input.supplierId, input.skuId, who);
      return views.switching(input.supplierId);
    },
  };
}
