import type { Handlers } from '../api/registry';
import { demoScanExamples } from '../demo/scan-examples';
import type { IntakeService } from './intake-service';
import type { ScanPipeline } from './scan-pipeline';

export function intakeHandlers(
  intake: IntakeService,
  scans: ScanPipeline,
): Handlers<'intake.deliveries' | 'intake.lots' | 'scan.submit' | 'scan.examples'> {
  return {
    'intake.deliveries': (input) => intake.deliveries(input.date),
    'intake.lots': (input) => intake.lots(input.status, input.limit),
    'scan.submit': (input, ctx) =>
      scans.submit({
        data: input.data,
        source: input.source,
        device: ctx.clientId,
        actor: ctx.user?.userId ?? 'system',
      }),
    'scan.examples': () => demoScanExamples(),
  };
}
