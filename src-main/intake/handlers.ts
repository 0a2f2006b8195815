import type { Handlers } from '../api/registry';
import { demoScanExamples } from '../demo/scan-examples';
import type { IntakeService } from './intake-service';
import type { RefusalSlips } from './refusal-slips';
import type { ScanPipeline } from './scan-pipeline';

type IntakeCall =
  | 'intake.deliveries'
  | 'intake.lots'
  | 'intake.active'
  | 'intake.delivery'
  | 'intake.open'
  | 'intake.createAdHoc'
  | 'intake.identify'
  | 'intake.closePreview'
  | 'intake.close'
  | 'intake.refusalSlip'
  | 'scan.submit'
  | 'scan.examples';

export function intakeHandlers(
  intake: IntakeService,
  scans: ScanPipeline,
  slips: RefusalSlips,
): Handlers<IntakeCall> {
  const actor = (user: { userId: string } | null) => user?.userId ?? 'system';
  return {
    'intake.deliveries': (input) => intake.deliveries(input.date),
    'intake.lots': (input) => intake.lots(input.status, input.limit),
    'intake.active': () => intake.active(),
    'intake.delivery': (input) => intake.detail(input.deliveryId),
    'intake.open': (input, ctx) => intake.open(input, actor(ctx.user)),
    'intake.createAdHoc': (input, ctx) => intake.createAdHoc(input, actor(ctx.user)),
    'intake.identify': (input, ctx) => intake.identify(input, actor(ctx.user)),
    'intake.closePreview': (input) => intake.closePreview(input.deliveryId),
    'intake.close': (input, ctx) => intake.close(input.deliveryId, actor(ctx.user)),
    'intake.refusalSlip': async (input) => {
      const slip = await slips.render(input.deliveryId);
      return {
        fileName: slip.fileName,
        mimeType: 'application/pdf',
        base64: slip.pdf.toString('base64'),
      };
    },
    'scan.submit': (input, ctx) =>
      scans.submit({
        data: input.data,
        source: input.source,
        device: ctx.clientId,
        actor: actor(ctx.user),
      }),
    'scan.examples': () => demoScanExamples(),
  };
}
