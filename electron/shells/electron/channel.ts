/** The single IPC channel: every contract call travels on it as (name, payload, handle). */
export const CALL_CHANNEL = 'archive-desk:call';
