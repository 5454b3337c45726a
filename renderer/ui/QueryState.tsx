import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorPayload, useErrorText } from './forms';

/** Loading, failed (with a retry) or the data: the three states of every detail page. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation('common');
  const errorText = useErrorText();
  if (query.isPending) return <Spin size="large" style={{ display: 'block', margin: '96px auto' }} />;
  if (query.isError) {
    const notFound = errorPayload(query.error).code === 'NOT_FOUND';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={errorText(query.error)}
        extra={notFound ? undefined : <Button onClick={() => void query.refetch()}>{t('actions.refresh')}</Button>}
      />
    );
  }
  return children(query.data);
}
