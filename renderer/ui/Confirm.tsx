import { Popconfirm, type PopconfirmProps } from 'antd';
import { useId } from 'react';

/**
 * A Popconfirm whose OK button takes the focus once it has opened, so the desk confirms with Enter
 * (or backs out with Esc) without reaching for the mouse; antd's own leaves the focus behind.
 */
export function Confirm({ okButtonProps, afterOpenChange, ...props }: PopconfirmProps) {
  const okId = useId();
  return (
    <Popconfirm
      {...props}
      okButtonProps={{ ...okButtonProps, id: okId }}
      afterOpenChange={(open) => {
        if (open) document.getElementById(okId)?.focus();
        afterOpenChange?.(open);
      }}
    />
  );
}
