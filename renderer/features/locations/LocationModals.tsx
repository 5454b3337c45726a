import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Input, Select } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CallInput } from '../../../electron/core/contract';
import { cabinetNames, cabinetsCreateInput, moveContentsInput } from '../../../electron/core/contract/locations';
import { Confirm } from '../../ui/Confirm';
import { Field } from '../../ui/field';
import { FormModal } from '../../ui/form-modal';
import { useErrorText, useServerErrors } from '../../ui/forms';
import { NumberInput } from '../../ui/NumberInput';
import { callQuery } from '../../ui/queries';
import { useLocationWrite } from './queries';

const nameInput = z.object({ name: z.string().trim().min(1, { error: 'v.required' }).max(40) });

export function RoomCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('locations');
  const form = useForm({ resolver: zodResolver(nameInput), defaultValues: { name: '' } });
  const onError = useServerErrors(form.setError);
  const create = useLocationWrite('location-room-create', (room) => ['roomCreated', { name: room.name }]);
  return (
    <FormModal
      open
      title={t('room.create')}
      onSubmit={form.handleSubmit((v) => create.mutate(v, { onSuccess: onClose, onError }))}
      onCancel={onClose}
      onShown={() => form.setFocus('name')}
      submitting={create.isPending}
    >
      <Field control={form.control} name="name" label={t('room.name')} required>
        {(field) => <Input {...field} autoComplete="off" placeholder={t('room.namePlaceholder')} />}
      </Field>
    </FormModal>
  );
}

/** 新建档案柜: a run of cabinets with their shelves and positions, e.g. C-01…C-12, 5 层 × 8 位. */
export function CabinetsCreateModal({ roomId, onClose }: { roomId: number; onClose: () => void }) {
  const { t } = useTranslation('locations');
  const form = useForm<CallInput<'location-cabinets-create'>>({
    resolver: zodResolver(cabinetsCreateInput),
    defaultValues: { roomId, first: 'C-01', count: 1, shelves: 5, positions: 8 },
  });
  const onError = useServerErrors(form.setError);
  const create = useLocationWrite('location-cabinets-create', (out, input) => ['cabinetsCreated', { count: out.ids.length, first: input.first }]);
  const [first, count] = form.watch(['first', 'count']);
  const names = first && count >= 1 && count <= 100 ? cabinetNames(first.trim(), count) : [];
  return (
    <FormModal
      open
      title={t('cabinet.create')}
      onSubmit={form.handleSubmit((v) => create.mutate(v, { onSuccess: onClose, onError }))}
      onCancel={onClose}
      onShown={() => form.setFocus('first')}
      submitting={create.isPending}
    >
      <Field
        control={form.control}
        name="first"
        label={t('cabinet.first')}
        required
        extra={names.length > 1 ? t('cabinet.names', { first: names[0], last: names.at(-1) }) : undefined}
      >
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
      <Field control={form.control} name="count" label={t('cabinet.count')} required>
        {(field) => <NumberInput {...field} />}
      </Field>
      <Field control={form.control} name="shelves" label={t('cabinet.shelves')} required>
        {(field) => <NumberInput {...field} addonAfter={t('cabinet.shelfUnit')} />}
      </Field>
      <Field control={form.control} name="positions" label={t('cabinet.positions')} required>
        {(field) => <NumberInput {...field} addonAfter={t('cabinet.positionUnit')} />}
      </Field>
    </FormModal>
  );
}

export function RenameModal({ node, onClose }: { node: { id: number; name: string }; onClose: () => void }) {
  const { t } = useTranslation('locations');
  const form = useForm({ resolver: zodResolver(nameInput), defaultValues: { name: node.name } });
  const onError = useServerErrors(form.setError);
  const rename = useLocationWrite('location-rename', (after) => ['renamed', { before: node.name, name: after.name }]);
  return (
    <FormModal
      open
      title={t('actions.renameOf', { name: node.name })}
      onSubmit={form.handleSubmit((v) => rename.mutate({ id: node.id, name: v.name }, { onSuccess: onClose, onError }))}
      onCancel={onClose}
      onShown={() => form.setFocus('name')}
      submitting={rename.isPending}
    >
      <Field control={form.control} name="name" label={t('room.name')} required extra={t('actions.renameHint')}>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}

export function RemoveButton({ id, name, onRemoved }: { id: number; name: string; onRemoved: () => void }) {
  const { t } = useTranslation('locations');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const remove = useLocationWrite('location-remove', () => ['removed', { name }]);
  return (
    <Confirm
      title={t('actions.removeConfirm', { name })}
      onConfirm={() => remove.mutate({ id }, { onSuccess: onRemoved, onError: (e) => void message.error(errorText(e)) })}
    >
      <Button danger loading={remove.isPending}>
        {t('actions.remove')}
      </Button>
    </Confirm>
  );
}

/** 整柜/整层移动: every box to the same shelf and place of another cabinet or shelf. */
export function MoveContentsModal({ source, onClose }: { source: { id: number; kind: 'cabinet' | 'shelf'; name: string }; onClose: () => void }) {
  const { t } = useTranslation('locations');
  const tree = useQuery(callQuery('location-tree', {}));
  const form = useForm<CallInput<'location-move-contents'>>({
    resolver: zodResolver(moveContentsInput),
    defaultValues: { fromId: source.id, reason: '' },
  });
  const onError = useServerErrors(form.setError);
  const move = useLocationWrite('location-move-contents', (out) => ['movedContents', { count: out.moved, from: source.name }]);
  const nodes = tree.data?.nodes ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pathOf = (id: number): string => {
    const names: string[] = [];
    for (let at = byId.get(id); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) names.unshift(at.name);
    return names.join(' › ');
  };
  const targets = nodes.filter((n) => n.kind === source.kind && n.id !== source.id).map((n) => ({ value: n.id, label: pathOf(n.id) }));
  return (
    <FormModal
      open
      title={t(source.kind === 'cabinet' ? 'move.titleCabinet' : 'move.titleShelf', { name: source.name })}
      onSubmit={form.handleSubmit((v) => move.mutate(v, { onSuccess: onClose, onError }))}
      onCancel={onClose}
      submitting={move.isPending}
      okText={t('move.submit')}
    >
      <Field control={form.control} name="toId" label={t('move.to')} required extra={t('move.hint')}>
        {(field) => <Select {...field} showSearch optionFilterProp="label" options={targets} />}
      </Field>
      <Field control={form.control} name="reason" label={t('move.reason')} required>
        {(field) => <Input {...field} autoComplete="off" />}
      </Field>
    </FormModal>
  );
}
