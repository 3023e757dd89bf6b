// Which influence-map layout fits: a CSS media query read from JS, because the SVG's geometry
// (not only its styling) changes between phone and tablet.
import { useSyncExternalStore } from 'react';

const hasMatchMedia = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (!hasMatchMedia()) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    // Without matchMedia (jsdom) the phone layout is the safe default: mobile first.
    () => hasMatchMedia() && window.matchMedia(query).matches,
    () => false,
  );
}
