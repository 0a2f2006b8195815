import { z } from 'zod';
import { defineCall } from './define';

export const LANGUAGES = ['en', 'zh-CN'] as const;

export const stationSettings = z.object({
  language: z.enum(LANGUAGES),
  sounds: z.boolean(),
  idleSignOutMinutes: z.number().int().min(1).max(240),
  wedgeMaxInterKeyMs: z.number().int().min(5).max(200),
  wedgeMinLength: z.number().int().min(1).max(100),
  wedgePrefix: z.string().max(8),
  wedgeSuffix: z.enum(['Enter', 'Tab', 'none']),
  wedgeGsSubstitute: z.string().max(8),
});
export type StationSettings = z.infer<typeof stationSettings>;

export const defaultSettings: StationSettings = {
  language: 'en',
  sounds: true,
  idleSignOutMinutes: 15,
  wedgeMaxInterKeyMs: 35,
  wedgeMinLength: 6,
  wedgePrefix: '',
  wedgeSuffix: 'Enter',
  wedgeGsSubstitute: '',
};

export const settingsCalls = {
  'settings.get': defineCall({
    summary: "This station's settings.",
    access: 'public',
    input: z.object({}).strict(),
    output: stationSettings,
  }),
  'settings.update': defineCall({
    summary: 'Changes settings; every change is an event.',
    access: 'signed-in',
    input: stationSettings.partial().strict(),
    output: stationSettings,
  }),
};
