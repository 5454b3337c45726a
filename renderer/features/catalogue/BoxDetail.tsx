import { Col, Flex, Row } from 'antd';
import { useState } from 'react';
import type { BoxDetail } from '../../../electron/core/contract/boxes';
import { BoxHeader } from './BoxHeader';
import { BoxInfo } from './BoxInfo';
import { Checklist } from './Checklist';
import { ContentsTable } from './ContentsTable';
import { ChangeCodeModal } from './ChangeCodeModal';
import { MoveBoxModal } from './MoveBoxModal';
import { MoveHistory } from './MoveHistory';
import { useBoxPanels } from '../../ui/box-panels';
import { NotFound } from '../../ui/NotFound';
import { QueryState } from '../../ui/QueryState';
import { useBox } from './queries';
import { useIdParam } from '../../ui/useIdParam';

function BoxDetailView({ detail }: { detail: BoxDetail }) {
  const [moving, setMoving] = useState(false);
  const [changingCode, setChangingCode] = useState(false);
  const { side } = useBoxPanels();
  const { box } = detail;
  return (
    <Flex vertical gap={16} className="cat-box-detail">
      <BoxHeader box={box} formerCodes={detail.formerCodes} onMove={() => setMoving(true)} onChangeCode={() => setChangingCode(true)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <BoxInfo detail={detail} />
            <ContentsTable boxId={box.id} documents={detail.documents} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {detail.checklist && <Checklist items={detail.checklist} />}
            <MoveHistory moves={detail.moves} />
            {Object.entries(side).map(([name, Panel]) => (
              <Panel key={name} boxId={box.id} />
            ))}
          </Flex>
        </Col>
      </Row>
      {moving && <MoveBoxModal box={box} onClose={() => setMoving(false)} />}
      {changingCode && <ChangeCodeModal box={box} onClose={() => setChangingCode(false)} />}
    </Flex>
  );
}

function BoxDetailLoader({ id }: { id: number }) {
  const query = useBox(id);
  return <QueryState query={query}>{(detail) => <BoxDetailView key={detail.box.id} detail={detail} />}</QueryState>;
}

/** One box: what it is, what is in it, what it lacks, where it has been. */
export function BoxDetailPage() {
  const id = useIdParam();
  return id === null ? <NotFound /> : <BoxDetailLoader id={id} />;
}
