import type { StationSettings } from '../../src-shared/api/domain-settings';
import { AppError } from '../api/app-error';
import type { Handlers } from '../api/registry';
import type { SettingsService } from './settings-service';

/**
 * Settings any signed-in user may change (language, sounds, their scanner's timing); the rest
 * (quality rules, inspection policy, serial ports) are a QC manager's or an admin's.
 */
const EVERYONE: ReadonlySet<keyof StationSettings> = new Set([
  'language',
  'sounds',
  'idleSignOutMinutes',
  'wedgeMaxInterKeyMs',
  'wedgeMinLength',
  'wedgePrefix',
  'wedgeSuffix',
  'wedgeGsSubstitute',
  // The camera on this screen: which device, its frame size and what it reads live. Like the
  // wedge timing, it is about the inspector's hardware, not a quality rule.
  'camera',
]);

export function settingsHandlers(
  service: SettingsService,
): Handlers<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => service.get(),
    'settings.update': (input, ctx) => {
      const restricted = (Object.keys(input) as (keyof StationSettings)[]).filter(
        (k) => !EVERYONE.has(k),
      );
      const current = service.get();
      const changing = restricted.filter(
        (k) => JSON.stringify(input[k]) !== JSON.stringify(current[k]),
      );
      if (changing.length > 0 && ctx.user?.role !== 'qc-manager' && ctx.user?.role !== 'admin') {
        throw new AppError(
          'forbidden',
          `Only a QC manager or an admin can change ${changing.join(', ')}.`,
        );
      }
      // Backups may go to a network share: where they go is an admin's decision alone.
      if (changing.includes('backup') && ctx.user?.role !== 'admin') {
        throw new AppError('forbidden', 'Only an admin can change the backup settings.');
      }
      // Kiosk and start-at-login decide whether anyone can leave the app: an admin's decision.
      if (changing.includes('desktop') && ctx.user?.role !== 'admin') {
        throw new AppError('forbidden', 'Only an admin can change the desktop settings.');
      }
      return service.update(input, ctx.user?.userId ?? 'system');
    },
  };
}
