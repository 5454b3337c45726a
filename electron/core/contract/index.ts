import type { z } from 'zod';
import { appCalls } from './app';
import { auditCalls } from './audit';
import { backupCalls } from './backups';
import { boxCalls } from './boxes';
import { clientCalls } from './client';
import { importCalls } from './imports';
import { labelCalls } from './labels';
import { mergeNamed, type Access, type CallSpec, type Topic } from './define';
import { destructionCalls } from './destructions';
import { holdCalls } from './holds';
import { inspectionCalls } from './inspections';
import { loanCalls } from './loans';
import { locationCalls } from './locations';
import { roomCalls } from './rooms';
import { networkCalls } from './network';
import { overviewCalls } from './overview';
import { ownerCalls } from './owners';
import { progressCalls } from './progress';
import { transferCalls } from './transfers';
import { updateCalls } from './updates';
import { reminderCalls } from './reminders';

/** Every IPC call of the app: the one list that main, preload, web shell and renderer share. */
export const contract = mergeNamed(
  appCalls,
  ownerCalls,
  boxCalls,
  locationCalls,
  roomCalls,
  auditCalls,
  loanCalls,
  transferCalls,
  holdCalls,
  destructionCalls,
  inspectionCalls,
  backupCalls,
  labelCalls,
  progressCalls,
  importCalls,
  networkCalls,
  clientCalls,
  overviewCalls,
  updateCalls,
  reminderCalls,
);

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = Contract[N] extends CallSpec<z.ZodType, infer O, Access> ? O : never;
export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Whether the call a query is keyed by ([name, input]) reads one of the topics a write changed. */
export function readsAny(queryKey: readonly unknown[], topics: readonly Topic[]): boolean {
  const name = queryKey[0];
  return isCallName(name) && (contract[name].reads ?? []).some((topic) => topics.includes(topic));
}
