import type { ReactNode } from 'react';

/** The dimmed page behind a modal dialog; a click beside the dialog closes it, as Escape does. */
export function DialogBackdrop({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clicking beside the dialog closes it, as Escape does
    <div
      className="dialog-backdrop"
      role="presentation"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      {children}
    </div>
  );
}
