import { Result, type ResultProps } from 'antd';
import { useLayoutEffect, useRef } from 'react';

/**
 * antd's 404/403 pictures, without the English <title> ("No Found", "Unauthorized") they carry:
 * a screen reader or a hover would say it on a Chinese screen. The picture is decoration; the
 * title under it says what happened.
 */
export function ExceptionResult({ status, ...props }: Omit<ResultProps, 'status'> & { status: '403' | '404' }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    for (const svg of ref.current?.querySelectorAll('svg') ?? []) {
      for (const title of svg.querySelectorAll('title')) title.remove();
      svg.setAttribute('aria-hidden', 'true');
    }
  });
  return (
    <div ref={ref}>
      <Result status={status} {...props} />
    </div>
  );
}
