import { Tooltip } from 'antd';
import { shortHash } from './format';

/** A SHA-256 hash, shortened in place; hovering shows the whole of it. */
export function HashText({ hash }: { hash: string }) {
  return (
    <Tooltip title={<span className="mono audit-hash-full">{hash}</span>}>
      <span className="mono audit-hash">{shortHash(hash)}</span>
    </Tooltip>
  );
}
