// Counts idle time on a shared tablet. Any tap, key or scroll resets it. Returns the seconds left
// once the warning period has started, so the screen can ask "Er du fortsatt der?".
import { useCallback, useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

interface Options {
  isActive: boolean;
  timeoutMs: number;
  warningMs: number;
  onTimeout: () => void;
}

export function useIdleTimer({ isActive, timeoutMs, warningMs, onTimeout }: Options) {
  const lastActivity = useRef(0);
  const [secondsLeft, setSecondsLeft] = useState<number | undefined>();
  const onTimeoutRef = useRef(onTimeout);

  useEffect(() => {
    onTimeoutRef.current = onTimeout;
  }, [onTimeout]);

  const reset = useCallback(() => {
    lastActivity.current = Date.now();
    setSecondsLeft(undefined);
  }, []);

  useEffect(() => {
    if (!isActive) return;
    lastActivity.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, onActivity, { passive: true, capture: true }));
    const tick = setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= timeoutMs) {
        setSecondsLeft(undefined);
        onTimeoutRef.current();
      } else if (idle >= timeoutMs - warningMs) {
        setSecondsLeft(Math.ceil((timeoutMs - idle) / 1000));
      } else {
        setSecondsLeft(undefined);
      }
    }, 1000);
    return () => {
      clearInterval(tick);
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, onActivity, { capture: true }));
    };
  }, [isActive, timeoutMs, warningMs]);

  return { secondsLeft: isActive ? secondsLeft : undefined, reset };
}
