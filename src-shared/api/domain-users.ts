import { z } from 'zod';
import { defineCall, ROLES } from './define';

const ADMINS = ['admin'] as const;
const userId = z.string().trim().min(1).max(64);

/** One user as an admin sees them: never the PIN hash. */
export const userSummary = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  badge: z.string(),
  active: z.boolean(),
  /** Wrong PINs since the last success (a lock-out starts at five). */
  failedAttempts: z.number().int().nonnegative(),
  /** ISO timestamp the lock-out ends at, or null when the badge is not locked now. */
  lockedUntil: z.string().nullable(),
  /** ISO timestamp of the last sign-in at this station, or null. */
  lastSignInAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const pinInput = z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits');

export const userSaveInput = z
  .object({
    /** Absent: a new user. */
    userId: userId.optional(),
    name: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    badge: z.string().trim().min(3).max(64),
    active: z.boolean(),
    /** Required for a new user; for an existing one it resets the PIN. */
    pin: pinInput.optional(),
  })
  .strict()
  .refine((u) => u.userId !== undefined || u.pin !== undefined, {
    message: 'A new user needs a PIN',
    path: ['pin'],
  });
export type UserSaveInput = z.input<typeof userSaveInput>;

export const usersCalls = {
  'users.list': defineCall({
    summary: "Admin: the station's users with role, badge, state and lock-out (no PIN hashes).",
    access: ADMINS,
    input: z.object({}).strict(),
    output: z.array(userSummary),
  }),
  'users.save': defineCall({
    summary:
      'Admin: creates or updates a user (name, role, unique badge, active); a PIN on create, or to reset it.',
    access: ADMINS,
    input: userSaveInput,
    output: userSummary,
  }),
  'users.unlock': defineCall({
    summary: 'Admin: clears the lock-out of a badge after wrong PINs.',
    access: ADMINS,
    input: z.object({ userId }).strict(),
    output: userSummary,
  }),
};
