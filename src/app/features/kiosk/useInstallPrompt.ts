// Chromium's install prompt: kept when the browser offers it, shown as a button on request.
import { useCallback, useEffect, useState } from 'react';

interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>;
}

let deferred: BeforeInstallPromptEvent | undefined;
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
  });
}

export function useInstallPrompt() {
  const [canInstall, setCanInstall] = useState(() => deferred !== undefined);
  useEffect(() => {
    const onPrompt = () => setCanInstall(true);
    window.addEventListener('beforeinstallprompt', onPrompt);
    return () => window.removeEventListener('beforeinstallprompt', onPrompt);
  }, []);
  const prompt = useCallback(async () => {
    await deferred?.prompt();
    deferred = undefined;
    setCanInstall(false);
  }, []);
  return { canInstall, prompt };
}
