// ArrowLeft / ArrowRight browse the cards, unless the person is typing or holds a modifier
// (Alt+ArrowLeft is the browser's Back).
import { useEffect, useRef } from 'react';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useArrowKeys(onPrevious: (() => void) | undefined, onNext: (() => void) | undefined): void {
  // The latest callbacks, without re-adding the document listener on every render.
  const handlers = useRef({ onPrevious, onNext });
  useEffect(() => {
    handlers.current = { onPrevious, onNext };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (isTypingTarget(event.target)) return;
      const handler =
        event.key === 'ArrowLeft'
          ? handlers.current.onPrevious
          : event.key === 'ArrowRight'
            ? handlers.current.onNext
            : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
