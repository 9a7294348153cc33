import type { ComponentChildren } from 'preact';

/** A small button showing a symbol; `label` is its name for screen readers and its tooltip (`title` when the tooltip should say more, e.g. why it is off). */
export function IconButton({
  id,
  label,
  title,
  disabled,
  onClick,
  children,
}: {
  id?: string | undefined;
  label: string;
  title?: string;
  disabled?: boolean;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button type="button" id={id} class="icon-button" aria-label={label} title={title ?? label} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
