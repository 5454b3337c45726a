/** The single IPC channel: every contract call travels on it as (name, payload, handle). */
export const CALL_CHANNEL = 'archive-desk:call';

/** Main → window only: the topics a write changed (the server's push), as a string array. */
export const CHANGED_CHANNEL = 'archive-desk:changed';
