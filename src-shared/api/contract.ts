import type { z } from 'zod';
import { mergeDomains } from './define';
import { authCalls } from './domain-auth';
import { backupCalls } from './domain-backup';
import { complaintsCalls } from './domain-complaints';
import { devicesCalls } from './domain-devices';
import { exportCalls } from './domain-export';
import { inspectionCalls } from './domain-inspection';
import { intakeCalls } from './domain-intake';
import { logCalls } from './domain-log';
import { masterDataCalls } from './domain-master-data';
import { photosCalls } from './domain-photos';
import { reviewCalls } from './domain-review';
import { settingsCalls } from './domain-settings';
import { shelfLifeCalls } from './domain-shelf-life';
import { supplierQualityCalls } from './domain-supplier-quality';
import { syncCalls } from './domain-sync';
import { systemCalls } from './domain-system';
import { templatesCalls } from './domain-templates';
import { traceCalls } from './domain-trace';
import { usersCalls } from './domain-users';
import { visionCalls } from './domain-vision';

/** The station API: every call declared once. Both transports and the UI use this object. */
export const contract = mergeDomains(
  systemCalls,
  authCalls,
  usersCalls,
  masterDataCalls,
  supplierQualityCalls,
  intakeCalls,
  inspectionCalls,
  shelfLifeCalls,
  logCalls,
  traceCalls,
  syncCalls,
  settingsCalls,
  devicesCalls,
  photosCalls,
  templatesCalls,
  visionCalls,
  exportCalls,
  complaintsCalls,
  reviewCalls,
  backupCalls,
);

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
