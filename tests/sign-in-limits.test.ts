import type { ClientInfo } from '../electron/core/contract/network';
import { AppError } from '../electron/core/contract/errors';
import { ADDRESS_MAX_FAILURES, ADDRESS_WINDOW_MINUTES, AddressThrottle } from '../electron/server/services/password-throttle';
import { PASSWORD, type TestApp } from './support/app';
import { auditRows, createSetUpApp, errorCode } from './support/fixtures';

// Every password check is one scrypt run (an unknown name costs one too); counting them counts the checks.
const scrypt = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const counted = ((...args: unknown[]) => {
    scrypt.calls++;
    return (crypto.scrypt as (...a: unknown[]) => void)(...args);
  }) as typeof crypto.scrypt;
  return { ...crypto, default: { ...crypto, scrypt: counted }, scrypt: counted };
});

const ATTACKER: ClientInfo = { transport: 'lan', address: '192.168.1.66', name: '前台9' };
const NEIGHBOUR: ClientInfo = { transport: 'lan', address: '192.168.1.23', name: '前台1' };
const badCredentials = () => Promise.reject(new AppError('BAD_CREDENTIALS'));
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('AddressThrottle', () => {
  it('refuses an address after the limit of failures within the window, right answers too, until the oldest leaves it', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const throttle = new AddressThrottle(() => now);
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
      expect(await codeOf(throttle.check(ATTACKER, badCredentials))).toBe('BAD_CREDENTIALS');
      now += 1000;
    }
    const refused = await throttle.check(ATTACKER, async () => 'signed in').catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: 'SIGN_IN_RATE_LIMITED', params: { minutes: ADDRESS_WINDOW_MINUTES } });
    // Another address and this PC's own window are not limited by it.
    expect(await throttle.check(NEIGHBOUR, async () => 'signed in')).toBe('signed in');
    expect(await throttle.check({ transport: 'local', address: null, name: null }, async () => 'signed in')).toBe('signed in');
    // Once the first failure is ten minutes old, one more attempt is let through.
    now = Date.parse('2026-03-02T09:00:00Z') + ADDRESS_WINDOW_MINUTES * 60_000;
    expect(await throttle.check(ATTACKER, async () => 'signed in')).toBe('signed in');
    // A right answer is not counted: the next is let through too, and a wrong one then fills the window again.
    expect(await codeOf(throttle.check(ATTACKER, badCredentials))).toBe('BAD_CREDENTIALS');
    expect(await codeOf(throttle.check(ATTACKER, badCredentials))).toBe('SIGN_IN_RATE_LIMITED');
  });

  it('does not count a refusal only the right password hears (a disabled account)', async () => {
    const throttle = new AddressThrottle(Date.now, 2);
    const disabled = () => Promise.reject(new AppError('ACCOUNT_DISABLED'));
    const right = (e: unknown) => e instanceof AppError && e.code === 'ACCOUNT_DISABLED';
    for (let i = 0; i < 5; i++) expect(await codeOf(throttle.check(ATTACKER, disabled, right))).toBe('ACCOUNT_DISABLED');
    expect(await codeOf(throttle.check(ATTACKER, badCredentials, right))).toBe('BAD_CREDENTIALS');
  });
});

describe('sign-in limits per desk address, through the dispatcher', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createSetUpApp();
  });
  afterEach(() => app.close());

  it('100 wrong passwords at once from one address: at most the limit are checked, none signs in, other accounts and desks are unaffected', async () => {
    await app.as('clerk');
    const login = (client: ClientInfo, username: string, password: string) =>
      app.dispatch({ name: 'session-login', payload: { username, password }, handle: null, client });
    // Guesses at the clerk, at names that do not exist, and the admin's right password among them.
    const attempts = Array.from({ length: 100 }, (_, i) => {
      if (i === 50) return { username: 'admin', password: PASSWORD };
      return i % 2 === 0 ? { username: 'clerk', password: `guess-${i}` } : { username: `nobody-${i}`, password: `guess-${i}` };
    });
    const from = auditRows(app.runtime.requireDb()).length;
    const before = scrypt.calls;
    const results = await Promise.all(attempts.map((a) => login(ATTACKER, a.username, a.password)));
    const checks = scrypt.calls - before;

    expect(checks).toBeLessThanOrEqual(ADDRESS_MAX_FAILURES);
    expect(results.some((r) => r.ok)).toBe(false);
    const codes = results.map(errorCode);
    expect(codes.filter((c) => c === 'SIGN_IN_RATE_LIMITED').length).toBeGreaterThanOrEqual(100 - ADDRESS_MAX_FAILURES);
    expect(codes[50]).toBe('SIGN_IN_RATE_LIMITED');
    expect(results[99]).toEqual({ ok: false, error: { code: 'SIGN_IN_RATE_LIMITED', params: { minutes: ADDRESS_WINDOW_MINUTES } } });
    // Every failure that was checked is recorded against its account, with the desk it came from.
    const recorded = auditRows(app.runtime.requireDb()).slice(from);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((r) => r.clientAddress === ATTACKER.address && r.action !== 'login')).toBe(true);

    // The admin's account was not touched by the address's limit.
    const adminRow = app.runtime
      .requireDb()
      .$client.prepare(`SELECT failed_attempts AS n, locked_until AS lockedUntil FROM users WHERE username = 'admin'`)
      .get();
    expect(adminRow).toEqual({ n: 0, lockedUntil: null });
    // While limited, even the right password from that address is refused; another desk and this PC sign in.
    expect(errorCode(await login(ATTACKER, 'admin', PASSWORD))).toBe('SIGN_IN_RATE_LIMITED');
    expect(errorCode(await login(NEIGHBOUR, 'admin', PASSWORD))).toBe('ok');
    expect(errorCode(await app.call('session-login', { username: 'admin', password: PASSWORD }))).toBe('ok');
  });
});
