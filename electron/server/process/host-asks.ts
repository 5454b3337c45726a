import { protectedBlobs, type KeyProtector } from '../../../db/keyfile';
import { AppError, type Result } from '../../core/contract/errors';
import type { HostProbe } from '../../core/contract/client';
import type { UpdaterState } from '../../core/contract/updates';
import { type HostClient, unavailableHostClient } from '../client';
import { unavailablePrinter, type Printer } from '../services/printing/printer';
import { unavailableUpdater, type Updater } from '../updater';
import type { HostAsk, ServerStartOptions } from './protocol';

export type Ask = (ask: HostAsk) => Promise<unknown>;

/** A shell's typed refusal stays that refusal here; anything else it could not do is an error. */
export function answerOf(result: Result<unknown>): unknown {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, { issues: result.error.issues, params: result.error.params });
}

/**
 * The shell's key protector, seen from the server process. Wrapping a key asks the shell; unwrapping
 * is needed only by Runtime.start(), which is synchronous, so the shell unwraps what the key file
 * holds before the runtime starts, and whatever this process wraps later is known already. A key
 * file replaced while the app runs is then not unwrapped: the passphrase opens it, as on a new PC.
 */
export async function hostProtector(
  ask: Ask,
  keyFile: string,
  given: ServerStartOptions['protector'],
  /** Other blobs wrapped by this protector that the server reads synchronously (host mode's TLS key). */
  others: (kind: KeyProtector['kind']) => Buffer[] = () => [],
): Promise<KeyProtector | null> {
  if (!given) return null;
  const known = new Map<string, Buffer>();
  if (given.available) {
    for (const blob of [...protectedBlobs(keyFile, given.kind), ...others(given.kind)]) {
      // One the shell cannot unwrap (another machine's, a damaged one) stays unknown: start() asks for the passphrase.
      const plain = await ask({ op: 'unprotect', blob }).catch(() => null);
      if (plain instanceof Uint8Array) known.set(blob.toString('base64'), Buffer.from(plain));
    }
  }
  return {
    kind: given.kind,
    available: () => given.available,
    async protect(secret) {
      const blob = Buffer.from((await ask({ op: 'protect', secret })) as Uint8Array);
      known.set(blob.toString('base64'), Buffer.from(secret));
      return blob;
    },
    unprotect(blob) {
      const plain = known.get(blob.toString('base64'));
      if (!plain) throw new Error('the shell did not unwrap this key');
      return plain;
    },
  };
}

/** The shell's printer (a hidden window in Electron, headless Chromium in the web shell), asked per form. */
export function hostPrinter(ask: Ask, given: ServerStartOptions['printer']): Printer {
  if (!given) return unavailablePrinter;
  return {
    pdf: async (html) => Buffer.from((await ask({ op: 'pdf', html })) as Uint8Array),
    ...(given.dialog ? { dialog: async (html: string) => (await ask({ op: 'dialog', html })) === true } : {}),
    // The browser behind it belongs to the shell, which closes it with its windows.
    close: () => Promise.resolve(),
  };
}

/** The shell's way to a host (Electron only), asked for by the first-run screen. */
export function hostClientOf(ask: Ask, given: ServerStartOptions['hostClient']): HostClient {
  if (!given) return unavailableHostClient;
  return {
    probe: async (address) => (await ask({ op: 'host-probe', address })) as HostProbe,
    connect: async ({ url, fingerprint }) => void (await ask({ op: 'host-connect', url, fingerprint })),
  };
}

/** The shell's software updater (the desktop app's main process), asked per check and per agreement. */
export function hostUpdaterOf(ask: Ask, given: ServerStartOptions['updater']): Updater {
  if (!given) return unavailableUpdater;
  return {
    available: true,
    state: async () => (await ask({ op: 'update-state' })) as UpdaterState,
    check: async (source) => (await ask({ op: 'update-check', source })) as UpdaterState,
    install: async (when) => (await ask({ op: 'update-install', when })) as UpdaterState,
  };
}
