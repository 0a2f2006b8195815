import type { Handlers } from '../api/registry';
import type { TraceService } from './trace-service';

export function traceHandlers(
  service: TraceService,
): Handlers<'trace.search' | 'trace.lot' | 'trace.fromScan'> {
  return {
    'trace.search': (input) => service.search(input),
    'trace.lot': (input) => service.lot(input.lotId),
    'trace.fromScan': (input) => ({ lotIds: service.fromScan(input.data) }),
  };
}
