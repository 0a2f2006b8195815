import type { Handlers } from '../api/registry';
import type { TemplatesService } from './templates-service';

export function templatesHandlers(
  service: TemplatesService,
): Handlers<'templates.list' | 'templates.get' | 'templates.save' | 'templates.preview'> {
  return {
    'templates.list': () => service.list(),
    'templates.get': (input) => service.get(input.templateId),
    'templates.save': (input, ctx) =>
      service.save(input.template, input.expectedSeq, ctx.user?.userId ?? 'system'),
    'templates.preview': (input) => service.preview(input),
  };
}
