import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A screen's title row (with its actions on the right) above its content. */
export function Page({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="page">
      <header className="page-header">
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {extra && <div className="page-extra">{extra}</div>}
      </header>
      {children}
    </section>
  );
}
