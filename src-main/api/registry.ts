import type { z } from 'zod';
import {
  contract,
  isCallName,
  type CallName,
  type CallOutput,
  type ParsedInput,
} from '../../src-shared/api/contract';
import type { SessionUser } from '../../src-shared/api/domain-auth';
import { fail, ok, type Result } from '../../src-shared/api/result';
import { AppError } from './app-error';

export type Transport = 'ipc' | 'http' | 'cli' | 'test';

export interface CallContext {
  /** One screen: an Electron window, or a browser tab joined over the loopback bridge. */
  clientId: string;
  transport: Transport;
}

export interface HandlerContext extends CallContext {
  user: SessionUser | null;
}

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: HandlerContext,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers<N extends CallName> = { [K in N]: Handler<K> };

export interface SessionLookup {
  /** The user signed in on that screen (and marks the screen active), or null. */
  userFor(clientId: string): SessionUser | null;
}

export interface RegistryOptions {
  sessions: SessionLookup;
  /** Check handler results against the output schemas too (tests and development). */
  validateOutput?: boolean;
  onInternalError?: (name: string, err: unknown) => void;
}

/** Zod's issues as one line an operator can act on: "pin: PIN is 4 to 8 digits; badge: Required". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Every handler of the station, keyed by call name. Whatever the transport, a call goes through
 * `dispatch`: known name → valid input → allowed user → handler → `{ok, value}` or a clean
 * `{ok:false, error}`. Nothing a handler throws crosses the boundary as a stack trace.
 */
export class Registry {
  private readonly handlers = new Map<CallName, Handler<CallName>>();

  constructor(private readonly options: RegistryOptions) {}

  register<N extends CallName>(handlers: Handlers<N>): void {
    for (const [name, handler] of Object.entries<Handler<N>>(handlers)) {
      if (!isCallName(name)) {
        throw new Error(`Handler "${name}" is not declared in the API contract`);
      }
      if (this.handlers.has(name)) throw new Error(`Handler "${name}" is registered twice`);
      this.handlers.set(name, handler);
    }
  }

  /** Start-up check: every call of the contract has a handler. */
  assertComplete(): void {
    const missing = Object.keys(contract).filter(
      (name) => isCallName(name) && !this.handlers.has(name),
    );
    if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);
  }

  async dispatch(name: unknown, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (typeof name !== 'string' || !isCallName(name)) {
      return fail('unknown_call', `There is no call named "${String(name).slice(0, 80)}".`);
    }
    const spec = contract[name];
    const handler = this.handlers.get(name);
    if (!handler)
      return fail('unknown_call', `The call "${name}" is not available on this station.`);

    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return fail('invalid_input', `Invalid input for ${name}: ${describeIssues(parsed.error)}`);
    }

    const user = this.options.sessions.userFor(ctx.clientId);
    if (spec.access !== 'public') {
      if (!user) return fail('unauthenticated', 'Please sign in first.');
      if (spec.access !== 'signed-in' && !spec.access.includes(user.role)) {
        return fail('forbidden', `This needs one of these roles: ${spec.access.join(', ')}.`);
      }
    }

    try {
      const value: unknown = await handler(parsed.data, { ...ctx, user });
      if (this.options.validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          throw new Error(
            `Output of ${name} breaks its contract: ${describeIssues(checked.error)}`,
          );
        }
      }
      return ok(value);
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.params);
      if (isDiskFull(err)) {
        return fail(
          'unavailable',
          'The disk is full: nothing was recorded. Free some space; the station resumes by itself.',
        );
      }
      this.options.onInternalError?.(name, err);
      return fail(
        'internal',
        'Something went wrong inside the station. Nothing was half-recorded; the problem has been logged.',
      );
    }
  }
}

function isDiskFull(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'SQLITE_FULL';
}
