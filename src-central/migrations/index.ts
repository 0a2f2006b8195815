import { migration0001 } from './0001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration this build knows, in order. Append only: never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
