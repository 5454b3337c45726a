import { Col, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Loan } from '../../../electron/core/contract/loans';
import { Page } from '../../ui/Page';
import { NotFound } from '../../ui/NotFound';
import { QueryState } from '../../ui/QueryState';
import { useIdParam } from '../../ui/useIdParam';
import { IncidentsList } from './IncidentsList';
import { LoanActions } from './LoanActions';
import { LoanCopies } from './LoanCopies';
import { LoanInfo } from './LoanInfo';
import { useLoan } from './queries';
import { RenewalsTable } from './RenewalsTable';

function LoanDetailView({ loan }: { loan: Loan }) {
  const { t } = useTranslation('lending');
  return (
    <Page title={t('detail.title', { loanNo: loan.loanNo })} extra={<LoanActions loan={loan} />}>
      <Flex vertical gap={16}>
        <LoanInfo loan={loan} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <RenewalsTable renewals={loan.renewals} />
          </Col>
          <Col xs={24} xl={10}>
            <IncidentsList incidents={loan.incidents} />
          </Col>
        </Row>
        <LoanCopies loan={loan} />
      </Flex>
    </Page>
  );
}

function LoanDetailLoader({ id }: { id: number }) {
  const query = useLoan(id);
  return <QueryState query={query}>{(loan) => <LoanDetailView loan={loan} />}</QueryState>;
}

/** One loan: what was lent to whom and why, who decided, and what came back. */
export function LoanDetailPage() {
  const id = useIdParam();
  return id === null ? <NotFound /> : <LoanDetailLoader id={id} />;
}
