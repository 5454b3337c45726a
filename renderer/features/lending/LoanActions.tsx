import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { Confirm } from '../../ui/Confirm';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loan, LoanRenewal } from '../../../electron/core/contract/loans';
import { useSession } from '../../api/session-store';
import { useErrorText } from '../../ui/forms';
import { useCanCall } from '../../ui/access';
import { RefusedAction } from '../../ui/RefusedAction';
import { LoanDecisionModal } from './LoanDecisionModal';
import { hasPrintDialog, useCancelLoan, useHandOut, usePrintDialog, usePrintSlip } from './queries';
import { RenewalDecisionModal, RenewalRequestModal } from './RenewalModals';
import { ReturnModal } from './ReturnModal';

type Dialog =
  | { kind: 'decide'; approve: boolean }
  | { kind: 'return' }
  | { kind: 'renew' }
  | { kind: 'decideRenewal'; renewal: LoanRenewal; approve: boolean }
  | null;

/** A renewal is asked for before the due date (§4.6.4); the server has the last word on "today". */
const beforeDue = (loan: Loan) => loan.dueDate !== null && dayjs().format('YYYY-MM-DD') < loan.dueDate;

/**
 * What the signed-in role may do to the loan in its present state. Only clerks and custodians
 * request loans, so a manager is never the requester; a manager who is the borrower sees the
 * decision refused with the service's SELF_APPROVAL sentence, and a renewal past the due date
 * (or beside a pending one) is refused in view the same way rather than left out.
 */
export function LoanActions({ loan }: { loan: Loan }) {
  const { t } = useTranslation('lending');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSession((s) => s.user);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const handOut = useHandOut();
  const cancel = useCancelLoan();
  const savePdf = usePrintSlip();
  const printDialog = usePrintDialog();
  const onError = (error: unknown) => void message.error(errorText(error));

  const canDecide = useCanCall('loan-decide');
  const ownLoan = loan.borrower.userId === user?.id;
  const mayHandOut = useCanCall('loan-hand-out');
  const mayCancel = useCanCall('loan-cancel');
  const mayReturn = useCanCall('loan-return');
  const mayRenew = useCanCall('loan-renewal-request');
  const canDecideRenewal = useCanCall('loan-renewal-decide');
  const pendingRenewal = loan.renewals.find((r) => r.status === 'requested');

  return (
    <Space wrap>
      {loan.status === 'requested' && canDecide && ownLoan && <RefusedAction labels={[t('actions.approve'), t('actions.reject')]} code="SELF_APPROVAL" />}
      {loan.status === 'requested' && canDecide && !ownLoan && (
        <>
          <Button type="primary" onClick={() => setDialog({ kind: 'decide', approve: true })}>
            {t('actions.approve')}
          </Button>
          <Button danger onClick={() => setDialog({ kind: 'decide', approve: false })}>
            {t('actions.reject')}
          </Button>
        </>
      )}
      {loan.status === 'approved' && mayHandOut && (
        <Confirm title={t('actions.handOutConfirm')} onConfirm={() => handOut.mutate({ id: loan.id }, { onError })}>
          <Button type="primary" loading={handOut.isPending}>
            {t('actions.handOut')}
          </Button>
        </Confirm>
      )}
      {(loan.status === 'requested' || loan.status === 'approved') && mayCancel && (
        <Confirm title={t('actions.cancelConfirm')} onConfirm={() => cancel.mutate({ id: loan.id }, { onError })}>
          <Button loading={cancel.isPending}>{t('actions.cancel')}</Button>
        </Confirm>
      )}
      {loan.status === 'out' && mayReturn && (
        <Button type="primary" onClick={() => setDialog({ kind: 'return' })}>
          {t('actions.return')}
        </Button>
      )}
      {loan.status === 'out' && mayRenew && <RenewAction loan={loan} pending={pendingRenewal !== undefined} onRenew={() => setDialog({ kind: 'renew' })} />}
      {loan.status === 'out' && pendingRenewal && canDecideRenewal && ownLoan && (
        <RefusedAction labels={[t('actions.approveRenewal'), t('actions.rejectRenewal')]} code="SELF_APPROVAL" />
      )}
      {loan.status === 'out' && pendingRenewal && canDecideRenewal && !ownLoan && (
        <>
          <Button type="primary" onClick={() => setDialog({ kind: 'decideRenewal', renewal: pendingRenewal, approve: true })}>
            {t('actions.approveRenewal')}
          </Button>
          <Button danger onClick={() => setDialog({ kind: 'decideRenewal', renewal: pendingRenewal, approve: false })}>
            {t('actions.rejectRenewal')}
          </Button>
        </>
      )}
      {hasPrintDialog() ? (
        <>
          <Button icon={<PrinterOutlined />} loading={printDialog.isPending} onClick={() => printDialog.mutate(loan.id, { onError })}>
            {t('actions.print')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={savePdf.isPending} onClick={() => savePdf.mutate(loan.id, { onError })}>
            {t('actions.savePdf')}
          </Button>
        </>
      ) : (
        <Button icon={<PrinterOutlined />} loading={savePdf.isPending} onClick={() => savePdf.mutate(loan.id, { onError })}>
          {t('actions.print')}
        </Button>
      )}
      {dialog?.kind === 'decide' && <LoanDecisionModal loan={loan} approve={dialog.approve} onClose={close} />}
      {dialog?.kind === 'return' && <ReturnModal loan={loan} onClose={close} />}
      {dialog?.kind === 'renew' && <RenewalRequestModal loan={loan} onClose={close} />}
      {dialog?.kind === 'decideRenewal' && <RenewalDecisionModal renewal={dialog.renewal} approve={dialog.approve} onClose={close} />}
    </Space>
  );
}

/** 申请续借, or why not: one renewal waits at a time, and none once the due date has come. */
function RenewAction({ loan, pending, onRenew }: { loan: Loan; pending: boolean; onRenew: () => void }) {
  const { t } = useTranslation('lending');
  if (pending) return <RefusedAction labels={[t('actions.renew')]} code="RENEWAL_PENDING" />;
  if (!beforeDue(loan)) return <RefusedAction labels={[t('actions.renew')]} code="RENEWAL_TOO_LATE" params={{ dueDate: loan.dueDate ?? '' }} />;
  return <Button onClick={onRenew}>{t('actions.renew')}</Button>;
}
