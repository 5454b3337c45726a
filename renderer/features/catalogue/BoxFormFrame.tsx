import { Button, Card, Flex } from 'antd';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HookForm } from '../../ui/field';
import { Page } from '../../ui/Page';
import { EscapeCancels } from '../../ui/EscapeCancels';

interface BoxFormFrameProps {
  title: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  submitting: boolean;
  children: ReactNode;
}

/** The page around the box form: Enter in a field saves (native submit), Esc cancels. */
export function BoxFormFrame({ title, onSubmit, onCancel, submitting, children }: BoxFormFrameProps) {
  const { t } = useTranslation('common');
  return (
    <Page title={title}>
      <EscapeCancels onCancel={onCancel}>
        <Card className="cat-form-card">
          <HookForm onSubmit={onSubmit}>
            {children}
            <Flex gap={8} justify="end">
              <Button onClick={onCancel}>{t('actions.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={submitting}>
                {t('actions.save')}
              </Button>
            </Flex>
          </HookForm>
        </Card>
      </EscapeCancels>
    </Page>
  );
}
