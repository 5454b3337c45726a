import { Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loan } from '../../../electron/core/contract/loans';
import { BorrowerLink } from './BorrowerLink';
import { LoanStatusTag } from './LoanStatusTag';

export function useLoanColumns(): TableColumnsType<Loan> {
  const { t } = useTranslation('lending');
  return useMemo(
    () => [
      {
        key: 'loanNo',
        title: t('fields.loanNo'),
        width: 190,
        // Read in from the paper register: approved on paper, not at the desk.
        render: (_, loan) => (
          <>
            <span className="mono">{loan.loanNo}</span>
            {loan.imported && <Tag style={{ marginInlineStart: 6 }}>{t('detail.paper')}</Tag>}
          </>
        ),
      },
      { key: 'boxCode', title: t('fields.boxCode'), dataIndex: 'boxCode', width: 150, render: (code: string) => <span className="mono">{code}</span> },
      { key: 'boxTitle', title: t('fields.boxTitle'), dataIndex: 'boxTitle', ellipsis: true },
      { key: 'borrower', title: t('fields.borrower'), width: 100, render: (_, loan) => <BorrowerLink borrower={loan.borrower} /> },
      { key: 'department', title: t('fields.department'), width: 120, ellipsis: true, render: (_, loan) => loan.borrower.department },
      { key: 'loanType', title: t('fields.loanType'), width: 120, render: (_, loan) => t(`common:enums.loanType.${loan.loanType}`) },
      { key: 'status', title: t('fields.status'), width: 100, render: (_, loan) => <LoanStatusTag status={loan.status} /> },
      { key: 'dueDate', title: t('fields.dueDate'), dataIndex: 'dueDate', width: 110 },
      {
        key: 'daysOverdue',
        title: t('fields.daysOverdue'),
        width: 90,
        align: 'right',
        render: (_, loan) =>
          loan.daysOverdue > 0 && (
            <Typography.Text type="danger" strong>
              {loan.daysOverdue}
            </Typography.Text>
          ),
      },
    ],
    [t],
  );
}
