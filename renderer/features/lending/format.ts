import dayjs from 'dayjs';

/** Stored instants are ISO strings; the desk reads them to the minute. */
export const formatAt = (at: string | null): string => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');
