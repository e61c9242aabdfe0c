"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

export type ModalProps = { title: string; onClose: () => void; children: ReactNode; description?: string };

/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser,
 * Escape closes it, and the page behind is inert while it is open.
 */
export function Modal({ title, onClose, children, description }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onMouseDown={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === e.currentTarget) close.current();
      }}
    >
      <div className="modal__content">
        <header className="modal__header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="link-button" aria-label="Close" onClick={() => close.current()}>
            ✕
          </button>
        </header>
        {description ? (
          <p id={descriptionId} className="muted">
            {description}
          </p>
        ) : null}
        {children}
      </div>
    </dialog>
  );
}
