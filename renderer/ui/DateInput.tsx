import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

const ISO_DAY = 'YYYY-MM-DD';

type DateInputProps = Omit<DatePickerProps<Dayjs, false>, 'value' | 'onChange' | 'format'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** A DatePicker over the contract's ISO day strings, so form values stay plain strings. */
export function DateInput({ value, onChange, ...props }: DateInputProps) {
  return <DatePicker {...props} format={ISO_DAY} value={value ? dayjs(value) : null} onChange={(day) => onChange(day ? day.format(ISO_DAY) : null)} />;
}
