import { Modal } from 'antd';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HookForm } from './field';

interface FormModalProps {
  open: boolean;
  title: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  submitting?: boolean;
  okText?: ReactNode;
  /** Called once the dialog is shown: put the cursor in the first field. */
  onShown?: () => void;
  /** A dialog the user must complete: no cancel button, Esc and the mask do nothing. */
  forced?: boolean;
  width?: number;
  children: ReactNode;
}

/**
 * A dialog whose OK button submits the form inside it, so Enter in any field submits and Esc
 * cancels. The whole dialog panel is the <form>, which puts the footer buttons inside it.
 */
export function FormModal({ open, title, onSubmit, onCancel, submitting, okText, onShown, forced, width, children }: FormModalProps) {
  const { t } = useTranslation('common');
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onCancel}
      okText={okText ?? t('actions.save')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      footer={(_, { OkBtn, CancelBtn }) =>
        forced ? (
          <OkBtn />
        ) : (
          <>
            <CancelBtn />
            <OkBtn />
          </>
        )
      }
      destroyOnHidden
      afterOpenChange={(shown) => shown && onShown?.()}
      modalRender={(panel) => <HookForm onSubmit={onSubmit}>{panel}</HookForm>}
    >
      {children}
    </Modal>
  );
}
