import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, Select } from 'antd';
import { useRef } from 'react';
import { useForm, useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { hostEnableInput, type HostEnableInput, type HostStatus } from '../../../electron/core/contract/network';
import { call } from '../../api/client';
import { Field, HookForm } from '../../ui/field';
import { useServerErrors, type CodeFields } from '../../ui/forms';
import { NumberInput } from '../../ui/NumberInput';

/** Listening on every interface: reachable at each of the host's addresses. */
export const ALL_INTERFACES = '0.0.0.0';
export const DEFAULT_PORT = 8443;

const CODE_FIELDS: CodeFields<HostEnableInput> = { HOST_PORT_IN_USE: 'port', HOST_ADDRESS_UNAVAILABLE: 'address' };

/** The networks let in by default: the chosen interface's own subnet (every interface's, for 所有网卡). */
function defaultAllow(status: HostStatus, address: string): string[] {
  const chosen = address === ALL_INTERFACES ? status.interfaces : status.interfaces.filter((i) => i.address === address);
  return [...new Set(chosen.map((i) => i.cidr))];
}

function defaults(status: HostStatus): HostEnableInput {
  const address = status.address ?? status.interfaces[0]?.address ?? ALL_INTERFACES;
  return { address, port: status.port ?? DEFAULT_PORT, allow: status.allow.length > 0 ? status.allow : defaultAllow(status, address) };
}

/** Turn 网络共享 on, or change where it listens and whom it lets in (the host restarts its server). */
export function HostEnableForm({ status }: { status: HostStatus }) {
  const { t } = useTranslation('app');
  const { message } = App.useApp();
  const { control, handleSubmit, setError, setValue, reset } = useForm({ resolver: zodResolver(hostEnableInput), defaultValues: defaults(status) });
  // Until the administrator touches the list, it follows the chosen interface.
  const allowEdited = useRef(false);
  const onError = useServerErrors(setError, CODE_FIELDS);
  const enable = useMutation({
    mutationFn: (input: HostEnableInput) => call('host-enable', input),
    onSuccess: (saved) => {
      reset(defaults(saved));
      allowEdited.current = false;
      void message.success(t('host.enabled'));
    },
    onError,
  });
  const options = [
    ...status.interfaces.map((i) => ({ value: i.address, label: `${i.address}（${i.name}）` })),
    { value: ALL_INTERFACES, label: t('host.allInterfaces') },
  ];

  return (
    <HookForm onSubmit={handleSubmit((input) => enable.mutate(input))}>
      <Field control={control} name="address" label={t('host.address')} required>
        {(field) => (
          <Select
            {...field}
            options={options}
            onChange={(address: string) => {
              field.onChange(address);
              if (!allowEdited.current) setValue('allow', defaultAllow(status, address));
            }}
          />
        )}
      </Field>
      <Field control={control} name="port" label={t('host.port')} required extra={t('host.portHint')}>
        {(field) => <NumberInput {...field} className="number-input" />}
      </Field>
      <AllowList control={control} setValue={setValue} onEdit={() => (allowEdited.current = true)} />
      <div className="form-actions">
        <Button type="primary" htmlType="submit" loading={enable.isPending}>
          {status.enabled ? t('host.apply') : t('host.enable')}
        </Button>
      </div>
    </HookForm>
  );
}

/** The client networks let in, one per line; an empty list means the host's own subnets. */
function AllowList({ control, setValue, onEdit }: { control: Control<HostEnableInput>; setValue: UseFormSetValue<HostEnableInput>; onEdit: () => void }) {
  const { t } = useTranslation('app');
  const allow = useWatch({ control, name: 'allow' });
  const change = (next: string[]) => {
    onEdit();
    setValue('allow', next, { shouldDirty: true });
  };
  return (
    <fieldset className="plain-fieldset">
      <legend>{t('host.allow')}</legend>
      <p className="field-extra">{t('host.allowHint')}</p>
      {allow.map((_, index) => (
        // Rows are positions in the list: an index key keeps each input's focus while its text changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="allow-row" key={index}>
          <Field control={control} name={`allow.${index}`} label={null} className="allow-field">
            {(field) => (
              <Input
                {...field}
                onChange={(e) => {
                  onEdit();
                  field.onChange(e.target.value);
                }}
                aria-label={t('host.allowItem', { n: index + 1 })}
                className="mono"
                spellCheck={false}
              />
            )}
          </Field>
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('host.allowRemove', { n: index + 1 })}
            onClick={() => change(allow.filter((__, other) => other !== index))}
          />
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => change([...allow, ''])} disabled={allow.length >= 32}>
        {t('host.allowAdd')}
      </Button>
    </fieldset>
  );
}
