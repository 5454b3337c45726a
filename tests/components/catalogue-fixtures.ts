import type { CallInput } from '../../electron/core/contract';
import type { Role } from '../../electron/core/enums';
import { installTestBridge, type TestBridge } from '../support/bridge';
import { validBoxInput, validOwnerInput } from '../support/fixtures';

/** Shared by the catalogue component tests: a bridge signed in as a role, and plain box/owner inputs. */
export async function bridgeSignedInAs(role: Role): Promise<TestBridge> {
  const bridge = await installTestBridge();
  await bridge.signInAs(role);
  return bridge;
}

export const boxInput = (fields: Partial<CallInput<'box-create'>> & Pick<CallInput<'box-create'>, 'title'>) =>
  validBoxInput({ kind: 'other', retentionClass: 'y10', yearFrom: null, yearTo: null, ...fields });

export const ownerInput = (fields: Partial<CallInput<'owner-create'>> & Pick<CallInput<'owner-create'>, 'name'>) =>
  validOwnerInput({ unitNo: '', floor: '', contactPerson: '', phone: '', leaseStart: null, ...fields });
