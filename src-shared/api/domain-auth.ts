import { z } from 'zod';
import { defineCall, ROLES } from './define';

export const sessionUser = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const authCalls = {
  'auth.signIn': defineCall({
    summary: 'Sign in with a badge (scanned) and a PIN.',
    access: 'public',
    input: z
      .object({
        badge: z.string().trim().min(1).max(64),
        pin: z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits'),
      })
      .strict(),
    output: sessionUser,
  }),
  'auth.signOut': defineCall({
    summary: 'Sign the current user out of this screen.',
    access: 'signed-in',
    input: z.object({ why: z.enum(['user', 'idle']).default('user') }).strict(),
    output: z.object({}),
  }),
  'auth.session': defineCall({
    summary: 'The user signed in on this screen, if any.',
    access: 'public',
    input: z.object({}).strict(),
    output: sessionUser.nullable(),
  }),
};
