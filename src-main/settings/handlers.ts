import type { Handlers } from '../api/registry';
import type { SettingsService } from './settings-service';

export function settingsHandlers(
  service: SettingsService,
): Handlers<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => service.get(),
    'settings.update': (input, ctx) => service.update(input, ctx.user?.userId ?? 'system'),
  };
}
