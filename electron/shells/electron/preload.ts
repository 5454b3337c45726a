import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES } from '../../core/contract/call-names';
import { CALL_CHANNEL, CHANGED_CHANNEL } from './channel';

/** Exactly the contract: one function per call name, and no other way into main. */
const bridge = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (payload: unknown, handle: string | null) => ipcRenderer.invoke(CALL_CHANNEL, name, payload, handle)]),
);

contextBridge.exposeInMainWorld('archiveDesk', bridge);

type ChangeListener = (topics: string[]) => void;

/**
 * Live updates: the page hears the topics a write changed, nothing else. The IPC event itself
 * (which reaches ipcRenderer) never crosses into the page; only a copied list of strings does.
 */
contextBridge.exposeInMainWorld('archiveDeskEvents', {
  onChanged(listener: ChangeListener): () => void {
    const relay = (_event: unknown, topics: unknown) => {
      if (Array.isArray(topics)) listener(topics.filter((t): t is string => typeof t === 'string'));
    };
    ipcRenderer.on(CHANGED_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(CHANGED_CHANNEL, relay);
    };
  },
});
