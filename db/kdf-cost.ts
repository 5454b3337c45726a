/**
 * The scrypt cost of what this app derives from typed secrets: the recovery passphrase that wraps
 * the database key, and account passwords. Every key file and hash records the cost it was made
 * with, so verification always uses the recorded one; this is only the cost of new ones.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

export const PRODUCTION_KDF_COST = {
  // About 0.4 s on an office PC: typed rarely (setup, unlock, restore), guessed offline if a backup leaks.
  recovery: { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 },
  // N=2^15 keeps a login under ~100 ms on an office PC while making offline guessing expensive.
  account: { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 },
} as const satisfies Record<string, ScryptCost>;

/** What the test harness switches to: the same code paths, a thousandth of the work. */
const TEST_KDF_COST = {
  recovery: { ...PRODUCTION_KDF_COST.recovery, N: 2 ** 7 },
  account: { ...PRODUCTION_KDF_COST.account, N: 2 ** 5 },
} as const satisfies Record<keyof typeof PRODUCTION_KDF_COST, ScryptCost>;

let current: Record<keyof typeof PRODUCTION_KDF_COST, ScryptCost> = PRODUCTION_KDF_COST;

export const kdfCost = () => current;

/**
 * For vitest's setup files only. The bundles `npm run build` makes replace process.env.VITEST
 * with undefined (scripts/build-node.mjs), so in the shipped app this always throws, whatever the
 * environment says.
 */
export function lowerKdfCostForTests(): void {
  if (!process.env.VITEST) throw new Error('the test KDF cost is for vitest runs only');
  current = TEST_KDF_COST;
}
