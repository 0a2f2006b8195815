import type { z } from 'zod';

export const ROLES = ['inspector', 'qc-manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may make a call: anyone on the page, any signed-in user, or only these roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  summary: string;
}

/** Declares one call of the station API (name comes from the key it is stored under). */
export function defineCall<I extends z.ZodType, O extends z.ZodType>(
  spec: CallSpec<I, O>,
): CallSpec<I, O> {
  return spec;
}

/**
 * Merges the per-domain call maps into one contract. A name declared twice is a programming
 * error that object spread would hide, so it fails loudly at load.
 */
export function mergeDomains<T extends Record<string, CallSpec>[]>(
  ...domains: T
): UnionToIntersection<T[number]> {
  const merged: Record<string, CallSpec> = {};
  for (const domain of domains) {
    for (const [name, spec] of Object.entries(domain)) {
      if (name in merged) throw new Error(`API call "${name}" is declared twice`);
      if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name)) {
        throw new Error(`API call "${name}" must be named domain.call (camelCase)`);
      }
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (
  k: infer I,
) => void
  ? I
  : never;
