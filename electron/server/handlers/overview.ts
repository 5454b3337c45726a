import type { overviewCalls } from '../../core/contract/overview';
import { overview } from '../services/overview';
import type { Handlers } from './types';

export const overviewHandlers: Handlers<keyof typeof overviewCalls> = {
  overview: (_input, { db, user }) => overview(db, user.role),
};
