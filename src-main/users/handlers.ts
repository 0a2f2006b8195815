import type { Handlers } from '../api/registry';
import type { AuthService } from './auth-service';

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
