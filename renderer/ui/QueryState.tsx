import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExceptionResult } from './ExceptionResult';
import { errorPayload, useErrorText } from './forms';

/** Loading, failed (with a retry) or the data: the three states of every detail page. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  if (query.isPending) return <Spin size="large" style={{ display: 'block', margin: '96px auto' }} />;
  if (query.isError) {
    if (errorPayload(query.error).code === 'NOT_FOUND') return <ExceptionResult status="404" title={errorText(query.error)} />;
    return <Result status="error" title={errorText(query.error)} extra={<Button onClick={() => void query.refetch()}>{t('actions.refresh')}</Button>} />;
  }
  return children(query.data);
}
