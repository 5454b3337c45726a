import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallName, CallOutput } from '../../../electron/core/contract';
import { call } from '../../api/client';

/** A location write that says what it did (`done`: a key under locations' `done`, given the answer and the input). */
export function useLocationWrite<N extends CallName>(name: N, done?: (out: CallOutput<N>, input: CallInput<N>) => [string, Record<string, unknown>]) {
  const { t } = useTranslation('locations');
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (input: CallInput<N>) => call(name, input),
    onSuccess: (out, input) => {
      if (!done) return;
      const [key, params] = done(out, input);
      void message.success(t(`done.${key}`, params));
    },
  });
}
