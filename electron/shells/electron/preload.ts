import { contextBridge, ipcRenderer } from 'electron';
import { callNames } from '../../core/contract';
import { CALL_CHANNEL } from './channel';

/** Exactly the contract: one function per call name, and no other way into main. */
const bridge = Object.fromEntries(
  callNames.map((name) => [name, (payload: unknown, handle: string | null) => ipcRenderer.invoke(CALL_CHANNEL, name, payload, handle)]),
);

contextBridge.exposeInMainWorld('archiveDesk', bridge);
