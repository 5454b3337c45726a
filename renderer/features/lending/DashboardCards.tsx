import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanDashboard } from '../../../electron/core/contract/loans';
import { CARD_KEYS, type CardKey } from './deskView';

/** Counts that call for action today are red when non-zero. */
const ALARMING: ReadonlySet<CardKey> = new Set(['overdue', 'openIncidents']);

interface DashboardCardsProps {
  counts: LoanDashboard | undefined;
  active: CardKey | null;
  onPick: (key: CardKey) => void;
  /** False for a card that only counts: no list filter stands behind it. */
  pickable: (key: CardKey) => boolean;
}

export function DashboardCards({ counts, active, onPick, pickable }: DashboardCardsProps) {
  const { t } = useTranslation('lending');
  return (
    <Row gutter={[12, 12]}>
      {CARD_KEYS.map((key) => {
        const value = counts?.[key];
        const canPick = pickable(key);
        return (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card
              size="small"
              hoverable={canPick}
              className={key === active ? 'lend-card lend-card-active' : 'lend-card'}
              onClick={canPick ? () => onPick(key) : undefined}
              tabIndex={canPick ? 0 : undefined}
              onKeyDown={canPick ? (e) => e.key === 'Enter' && onPick(key) : undefined}
            >
              <Statistic
                title={t(`dashboard.${key}`)}
                value={value ?? '–'}
                styles={{ content: ALARMING.has(key) && value ? { color: '#cf1322' } : undefined }}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
