// An enrolled kiosk tells the server, now and then, how many answers wait on it (a count only),
// so the leader can see a tablet that has been offline too long. Nothing happens on other devices.
import { pendingCount, reportKioskStatus } from '../../offline';

const HEARTBEAT_MS = 5 * 60 * 1000;

export function startKioskHeartbeat(apiFetch: typeof fetch): () => void {
  const beat = () => {
    if (!navigator.onLine) return;
    void pendingCount()
      .then((pending) => reportKioskStatus(apiFetch, pending))
      .catch(() => undefined);
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  window.addEventListener('online', beat);
  return () => {
    clearInterval(timer);
    window.removeEventListener('online', beat);
  };
}
