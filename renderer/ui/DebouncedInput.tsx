import { Input, type InputProps, type InputRef } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent, type Ref } from 'react';

/** Long enough to skip the keystrokes of a word, short enough to feel like it answers while typing. */
export const SEARCH_DEBOUNCE_MS = 150;

type DebouncedInputProps = Omit<InputProps, 'value' | 'onChange'> & {
  value: string;
  /** Called once typing pauses, and at once on Enter. */
  onSettle: (value: string) => void;
  /** Enter on text already reported; Enter on newer text only reports it, so results never lag the text. */
  onPressEnter?: InputProps['onPressEnter'];
  ref?: Ref<InputRef>;
};

/** A text box that keeps its own text while typing and reports it debounced. */
export function DebouncedInput({ value, onSettle, onPressEnter, ...props }: DebouncedInputProps) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // A reset from outside (a cleared filter, Back) replaces what is in the box.
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSettle(next), SEARCH_DEBOUNCE_MS);
  };

  return (
    <Input
      {...props}
      value={text}
      onChange={onChange}
      onPressEnter={(event) => {
        clearTimeout(timer.current);
        if (text !== value) onSettle(text);
        else onPressEnter?.(event);
      }}
    />
  );
}
