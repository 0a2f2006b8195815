import type { Handlers } from '../api/registry';
import type { AuthService } from './auth-service';
import type { UserAdmin } from './user-admin';

export function authHandlers(
  auth: AuthService,
): Handlers<'auth.signIn' | 'auth.signOut' | 'auth.session'> {
  return {
    'auth.signIn': (input, ctx) => auth.signIn(ctx.clientId, input.badge, input.pin),
    'auth.signOut': (input, ctx) => {
      auth.signOut(ctx.clientId, input.why);
      return {};
    },
    'auth.session': (_input, ctx) => ctx.user,
  };
}

export function userAdminHandlers(
  admin: UserAdmin,
): Handlers<'users.list' | 'users.save' | 'users.unlock'> {
  // Access is ['admin'], so the registry only calls these with a signed-in admin.
  const actor = (user: { userId: string } | null) => user?.userId ?? 'system';
  return {
    'users.list': () => admin.list(),
    'users.save': (input, ctx) => admin.save(input, actor(ctx.user)),
    'users.unlock': (input, ctx) => admin.unlock(input.userId, actor(ctx.user)),
  };
}
