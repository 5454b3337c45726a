import { runInNewContext } from 'node:vm';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { callNames } from '../../electron/core/contract';
import { CALL_CHANNEL, CHANGED_CHANNEL } from '../../electron/shells/electron/channel';

/**
 * The preload, built as Electron loads it, run with a stand-in for `electron`: it must expose one
 * object, holding exactly one function per contract call, each of which only invokes the call
 * channel — no ipcRenderer, no Node, nothing else reaches the page.
 */
async function runPreload() {
  const bundle = await build({
    entryPoints: [resolve(__dirname, '../../electron/shells/electron/preload.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0].text;
  const exposed: { name: string; api: Record<string, unknown> }[] = [];
  const invoked: unknown[][] = [];
  const required: string[] = [];
  const listening = new Map<string, Set<(...args: unknown[]) => void>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.push({ name, api }) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })),
      send: () => undefined,
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        if (!listening.has(channel)) listening.set(channel, new Set());
        listening.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => listening.get(channel)?.delete(listener),
    },
  };
  /** Main's webContents.send, as the page's side hears it: the IPC event first, then the arguments. */
  const mainSends = (channel: string, ...args: unknown[]) => {
    for (const listener of listening.get(channel) ?? []) listener({ sender: 'the ipc event' }, ...args);
  };
  const module = { exports: {} };
  runInNewContext(code, {
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`the preload required ${id}`);
    },
  });
  return { exposed, invoked, required, code, listening, mainSends };
}

describe('the preload', () => {
  it('exposes exactly the contract: one function per call name, nothing else', async () => {
    const { exposed, required } = await runPreload();
    // A sandboxed preload may require only what Electron provides.
    expect([...new Set(required)]).toEqual(['electron']);
    expect(exposed.map((e) => e.name)).toEqual(['archiveDesk', 'archiveDeskEvents']);
    const { api } = exposed[0];
    expect(Object.keys(api).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect({ name, type: typeof api[name] }).toEqual({ name, type: 'function' });
    expect(Object.getOwnPropertyNames(api).length).toBe(callNames.length);
  });

  it('each function only invokes the call channel with its own name', async () => {
    const { exposed, invoked } = await runPreload();
    const { api } = exposed[0];
    for (const name of callNames) await (api[name] as (p: unknown, h: string | null) => Promise<unknown>)({ probe: name }, 'handle-1');
    const byName = (a: unknown[], b: unknown[]) => String(a[1]).localeCompare(String(b[1]));
    expect([...invoked].sort(byName)).toEqual(callNames.map((name) => [CALL_CHANNEL, name, { probe: name }, 'handle-1']).sort(byName));
  });

  it('live updates: the page hears only the topics main sends, and can stop hearing them', async () => {
    const { exposed, mainSends, listening } = await runPreload();
    const events = exposed.find((e) => e.name === 'archiveDeskEvents')!.api;
    expect(Object.keys(events)).toEqual(['onChanged']);
    const heard: unknown[][] = [];
    const stop = (events.onChanged as (listener: (...args: unknown[]) => void) => () => void)((...args) => heard.push(args));
    mainSends(CHANGED_CHANNEL, ['loan', 'audit']);
    mainSends(CHANGED_CHANNEL, 'not a list');
    mainSends('another-channel', ['box']);
    // The IPC event (which reaches ipcRenderer) never crosses into the page: one argument, the list.
    expect(heard).toEqual([[['loan', 'audit']]]);
    stop();
    mainSends(CHANGED_CHANNEL, ['box']);
    expect(heard).toHaveLength(1);
    expect(listening.get(CHANGED_CHANNEL)?.size).toBe(0);
  });

  it('carries the call names, not the contract: no schemas in the bundle', async () => {
    const { code } = await runPreload();
    expect(code).not.toMatch(/zod|ZodError|safeParse/);
    // 101 names and the bridge are a few kilobytes; the whole contract was 853 KB.
    expect(code.length).toBeLessThan(16_000);
  });
});
