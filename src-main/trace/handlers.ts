import type { Handlers } from '../api/registry';
import type { LogService } from './log-service';

export function logHandlers(service: LogService): Handlers<'log.recent' | 'log.verify'> {
  return {
    'log.recent': (input) => service.recent(input.beforeSeq, input.limit, input.subject),
    'log.verify': () => service.verify(),
  };
}
