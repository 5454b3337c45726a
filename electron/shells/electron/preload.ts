import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES } from '../../core/contract/call-names';
import { CALL_CHANNEL } from './channel';

/** Exactly the contract: one function per call name, and no other way into main. */
const bridge = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (payload: unknown, handle: string | null) => ipcRenderer.invoke(CALL_CHANNEL, name, payload, handle)]),
);

contextBridge.exposeInMainWorld('archiveDesk', bridge);
