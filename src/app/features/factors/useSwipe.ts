// A sideways swipe on a card browses like the previous/next buttons. Pointer events cover touch
// and pen; the mouse is left alone so dragging still selects text. The card's CSS sets
// `touch-action: pan-y`, so vertical scrolling stays with the browser (it cancels the pointer).
import { useRef, type PointerEvent } from 'react';

const MIN_DISTANCE_PX = 60;

export interface SwipeHandlers {
  onPointerDown(event: PointerEvent): void;
  onPointerUp(event: PointerEvent): void;
  onPointerCancel(): void;
}

export function useSwipe(
  onPrevious: (() => void) | undefined,
  onNext: (() => void) | undefined,
): SwipeHandlers {
  const start = useRef<{ id: number; x: number; y: number } | null>(null);
  return {
    onPointerDown(event) {
      if (event.pointerType === 'mouse') return;
      start.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
    },
    onPointerUp(event) {
      const from = start.current;
      start.current = null;
      if (!from || from.id !== event.pointerId) return;
      const dx = event.clientX - from.x;
      const dy = event.clientY - from.y;
      // Mostly sideways and long enough: a slanted scroll or a tap is not a swipe.
      if (Math.abs(dx) < MIN_DISTANCE_PX || Math.abs(dx) < 1.5 * Math.abs(dy)) return;
      (dx < 0 ? onNext : onPrevious)?.();
    },
    onPointerCancel() {
      start.current = null;
    },
  };
}
