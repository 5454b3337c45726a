import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocationNode } from '../../electron/core/contract/locations';
import { callQuery } from './queries';

interface Option {
  value: number;
  label: string;
  disabled?: boolean;
  children?: Option[];
}

/** The tree as cascading options: only a position is a place to choose, a taken one greyed out. */
function optionsOf(nodes: LocationNode[], own: number | null): Option[] {
  const children = new Map<number | null, LocationNode[]>();
  for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const build = (parentId: number | null): Option[] =>
    (children.get(parentId) ?? []).map((n) =>
      n.kind === 'position'
        ? { value: n.id, label: n.name, disabled: n.boxes > 0 && n.id !== own }
        : { value: n.id, label: n.name, children: build(n.id), disabled: !children.has(n.id) },
    );
  return build(null);
}

function pathTo(nodes: LocationNode[], id: number | null): number[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: number[] = [];
  for (let at = id === null ? undefined : byId.get(id); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) path.unshift(at.id);
  return path;
}

/**
 * 库房 › 档案柜 › 层 › 位 picked from the managed tree (the box form, the move dialog). `own` is
 * the box's present place, offered though a box stands there: itself.
 */
export function LocationPicker({
  value,
  onChange,
  own = null,
  id,
}: {
  value: number | null;
  onChange: (id: number | null) => void;
  own?: number | null;
  id?: string;
}) {
  const { t } = useTranslation();
  const tree = useQuery(callQuery('location-tree', {}));
  const nodes = tree.data?.nodes ?? [];
  const options = useMemo(() => optionsOf(nodes, own), [nodes, own]);
  return (
    <Cascader
      id={id}
      options={options}
      value={pathTo(nodes, value)}
      onChange={(path) => onChange(path && path.length > 0 ? (path[path.length - 1] as number) : null)}
      showSearch
      placeholder={t('location.pick')}
      loading={tree.isLoading}
      displayRender={(labels) => labels.join(' › ')}
      style={{ width: '100%' }}
      notFoundContent={t('location.none')}
    />
  );
}
