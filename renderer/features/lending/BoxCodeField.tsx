import { useMutation } from '@tanstack/react-query';
import { Alert, Input, Space, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../electron/core/contract';
import type { BoxDetail } from '../../../electron/core/contract/boxes';
import { call } from '../../api/client';
import { Field } from '../../ui/field';
import { applyFieldIssues } from '../../ui/forms';
import { BoxStatusTag } from '../../ui/BoxStatusTag';

type Values = CallInput<'loan-request'>;
export type BoxPreview = BoxDetail['box'] & {
  /** The old code scanned, when the box has since been given another. */
  formerCode: string | null;
};

/** Scanning is a lookup, so the box is known (and refused if it is not on the shelf) before anything is typed. */
export function useBoxLookup() {
  return useMutation({
    mutationFn: async (code: string): Promise<BoxPreview> => {
      const found = await call('box-find-by-code', { code });
      return { ...(await call('box-get', { id: found.id })).box, formerCode: found.formerCode };
    },
  });
}

/**
 * The scanner types the code and presses Enter: that Enter looks the box up and moves on to the
 * borrower instead of submitting the half-filled form.
 */
export function BoxCodeField({ lookup, onFound }: { lookup: ReturnType<typeof useBoxLookup>; onFound: () => void }) {
  const { t } = useTranslation('lending');
  const form = useFormContext<Values>();
  const find = (code: string) => {
    const trimmed = code.trim();
    if (!trimmed || (lookup.data?.code === trimmed && !lookup.isError)) return;
    form.clearErrors('boxCode');
    lookup.mutate(trimmed, {
      onSuccess: (box) => {
        // An old label: the loan is made with the code the box has now.
        if (box.formerCode) form.setValue('boxCode', box.code, { shouldValidate: true });
        onFound();
      },
      onError: (error) => applyFieldIssues(error, form.setError, { NOT_FOUND: 'boxCode' }),
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    find(event.currentTarget.value);
  };
  return (
    <>
      <Field control={form.control} name="boxCode" label={t('fields.boxCode')} required extra={t('request.scanHint')}>
        {(field) => (
          <Input
            {...field}
            onChange={(event) => field.onChange(event.target.value.toUpperCase())}
            onBlur={() => {
              field.onBlur();
              find(field.value);
            }}
            onKeyDown={onKeyDown}
            className="mono"
            size="large"
            autoFocus
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      {lookup.data && !lookup.isPending && <BoxPreviewLine box={lookup.data} />}
    </>
  );
}

function BoxPreviewLine({ box }: { box: BoxPreview }) {
  const { t } = useTranslation(['lending', 'common']);
  const line = (
    <Space wrap>
      <Typography.Text strong>{box.title}</Typography.Text>
      <BoxStatusTag status={box.status} />
      {box.formerCode && <Typography.Text type="warning">{t('common:formerCode', { code: box.formerCode, current: box.code })}</Typography.Text>}
    </Space>
  );
  if (box.status === 'in_stock') return <div className="lend-box-preview">{line}</div>;
  return (
    <Alert
      className="lend-box-preview"
      type="error"
      showIcon
      title={line}
      description={t('request.notInStock', { status: t(`common:enums.boxStatus.${box.status}`) })}
    />
  );
}
