import type { JSX } from 'preact';

/** A labelled input or textarea with an inline message under it, tied to it for screen readers. */
export function TextField({
  id,
  label,
  value,
  onInput,
  error,
  hint,
  multiline = false,
  maxLength,
  placeholder,
  onKeyDown,
  autoFocus,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  onKeyDown?: (event: JSX.TargetedKeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  autoFocus?: boolean;
}) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    maxLength,
    placeholder,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onInput: (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput(event.currentTarget.value),
    onKeyDown,
  };
  return (
    <div class="field">
      <label for={id} class="field__label">
        {label}
      </label>
      {multiline ? <textarea {...common} rows={3} class="field__input" /> : <input {...common} type="text" class="field__input" />}
      {hint && (
        <span id={`${id}-hint`} class="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** Splits a textarea of "one per line" into trimmed, non-empty items. */
export const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
