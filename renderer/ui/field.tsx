import { Form } from 'antd';
import { useId, type FormEventHandler, type ReactNode } from 'react';
import { Controller, type Control, type ControllerRenderProps, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * A native <form> driven by react-hook-form, laid out by antd. antd's own Form keeps a store of
 * its own, so it is used with component={false}: layout and labels only.
 */
export function HookForm({ onSubmit, children, id }: { onSubmit: FormEventHandler<HTMLFormElement>; children: ReactNode; id?: string }) {
  return (
    <form id={id} onSubmit={onSubmit} noValidate>
      <Form layout="vertical" component={false}>
        {children}
      </Form>
    </form>
  );
}

interface FieldProps<T extends FieldValues, N extends Path<T>> {
  control: Control<T>;
  name: N;
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  className?: string;
  /** Renders the input; spread the props onto it (value, onChange, onBlur, ref, name, id). */
  children: (field: ControllerRenderProps<T, N> & { id: string }) => ReactNode;
}

/** One labelled input bound to a react-hook-form field; its error is translated in namespace common. */
export function Field<T extends FieldValues, N extends Path<T>>({ control, name, label, required, extra, className, children }: FieldProps<T, N>) {
  const { t } = useTranslation('common');
  const id = useId();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState: { error } }) => (
        <Form.Item
          label={label}
          htmlFor={id}
          required={required}
          extra={extra}
          className={className}
          validateStatus={error ? 'error' : undefined}
          help={error?.message ? t(error.message, { defaultValue: error.message }) : undefined}
        >
          {children({ ...field, id })}
        </Form.Item>
      )}
    />
  );
}
