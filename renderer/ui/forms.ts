/**
 * Server errors on forms, shared by every screen:
 *  - `errorPayload(e)`: any thrown value as an AppErrorPayload (non-API failures become INTERNAL);
 *  - `useErrorText()`: the translated sentence for an error, in the UI language;
 *  - `applyFieldIssues(e, setError, codeFields?)`: the error's field issues (VALIDATION, and codes
 *    like DUPLICATE_CODE that name the field) onto react-hook-form fields; `codeFields` puts the
 *    sentence of an issue-less code under one field, e.g. `{ CODE_PATTERN_INVALID: 'codePattern' }`;
 *  - `useServerErrors(setError, codeFields?)`: an onError for mutations that does both: marks the
 *    fields and shows the sentence as a toast.
 * Field messages are stored untranslated (`v.required`, a zod message or a sentence); `<Field>`
 * translates them when it renders, so they follow a language switch.
 */
import { App } from 'antd';
import i18next, { type TFunction } from 'i18next';
import { useCallback } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppErrorPayload, ErrorCode } from '../../electron/core/contract/errors';
import { ApiError } from '../api/client';

export type CodeFields<T extends FieldValues> = Partial<Record<ErrorCode, Path<T>>>;

export function errorPayload(error: unknown): AppErrorPayload {
  return error instanceof ApiError ? error.payload : { code: 'INTERNAL' };
}

function errorText(t: TFunction, error: unknown): string {
  const { code, params } = errorPayload(error);
  return t(`errors.${code}`, { ns: 'common', ...params });
}

export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation('common');
  return useCallback((error: unknown) => errorText(t, error), [t]);
}

/** Returns true when at least one field was marked, so callers can skip a redundant banner. */
export function applyFieldIssues<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, codeFields: CodeFields<T> = {}): boolean {
  const payload = errorPayload(error);
  const codeField = codeFields[payload.code];
  if (codeField) {
    setError(codeField, { type: 'server', message: errorText(i18next.t, error) }, { shouldFocus: true });
    return true;
  }
  const onFields = (payload.issues ?? []).filter((issue) => issue.path.length > 0);
  for (const [index, issue] of onFields.entries()) {
    setError(issue.path.join('.') as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: index === 0 });
  }
  return onFields.length > 0;
}

export function useServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, codeFields?: CodeFields<T>): (error: unknown) => void {
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useCallback(
    (error: unknown) => {
      applyFieldIssues(error, setError, codeFields);
      void message.error(errorText(error));
    },
    [codeFields, errorText, message, setError],
  );
}
