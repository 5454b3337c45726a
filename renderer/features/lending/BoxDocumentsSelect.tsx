import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { RefCallback } from 'react';
import { callQuery } from '../../ui/queries';

interface Props {
  boxId: number;
  id: string;
  value: number[];
  onChange: (ids: number[]) => void;
  ref: RefCallback<unknown>;
}

/** Documents (卷内文件) of a loan's box, picked by title: the ones missing on return, the ones copied. */
export function BoxDocumentsSelect({ boxId, id, value, onChange, ref }: Props) {
  const box = useQuery(callQuery('box-get', { id: boxId }));
  return (
    <Select
      id={id}
      ref={ref}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={box.isPending}
      optionFilterProp="label"
      options={box.data?.documents.map((doc) => ({ value: doc.id, label: doc.title }))}
    />
  );
}
