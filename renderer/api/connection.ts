import { create } from 'zustand';

/**
 * How this desk's link to the archive host stands: the live update stream ('live'; 'reconnecting'
 * after it broke; 'down' while it is not meant to run: nobody signed in, or the host refused the
 * session), and whether the last call found the host unreachable. The connection banner reads it.
 */
export type StreamState = 'live' | 'reconnecting' | 'down';

interface ConnectionState {
  stream: StreamState;
  /** When the stream broke (Date.now()), while it is reconnecting. */
  lostSince: number | null;
  /** A call answered HOST_UNREACHABLE and nothing has got through since. */
  unreachable: boolean;
}

export const useConnection = create<ConnectionState>(() => ({ stream: 'down', lostSince: null, unreachable: false }));

const reconnectListeners = new Set<() => void>();

/** The host is back after the stream broke or a call could not reach it: what happened meanwhile was missed. */
export function onReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

function reconnected(): void {
  for (const listener of reconnectListeners) listener();
}

export function setStream(stream: StreamState): void {
  const previous = useConnection.getState();
  if (stream === 'live') {
    useConnection.setState({ stream, lostSince: null, unreachable: false });
    if (previous.stream === 'reconnecting' || previous.unreachable) reconnected();
  } else if (stream === 'reconnecting') {
    useConnection.setState({ stream, lostSince: previous.stream === 'reconnecting' ? previous.lostSince : Date.now() });
  } else {
    useConnection.setState({ stream, lostSince: null });
  }
}

/** A call answered HOST_UNREACHABLE (true) or got an answer from the host (false). */
export function setReachable(reachable: boolean): void {
  const { unreachable } = useConnection.getState();
  if (reachable === !unreachable) return;
  useConnection.setState({ unreachable: !reachable });
  if (reachable) reconnected();
}
