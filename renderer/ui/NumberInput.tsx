import { InputNumber, type InputNumberProps } from 'antd';

/**
 * A whole-number box that keeps what was typed. antd's min, max and precision quietly change an
 * out-of-range or fractional entry on blur (and on Enter, just before the form submits), so a
 * request for 4 days went in as 3; here the form's schema refuses it under the field instead.
 */
export function NumberInput(props: Omit<InputNumberProps<number>, 'min' | 'max' | 'precision'>) {
  return <InputNumber<number> {...props} />;
}
