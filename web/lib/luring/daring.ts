/** Whether the browser believes it is online, and the data cache the service worker fills. */
import { useSyncExternalStore } from 'react';

function langgan(f: () => void) {
  window.addEventListener('online', f);
  window.addEventListener('offline', f);
  return () => {
    window.removeEventListener('online', f);
    window.removeEventListener('offline', f);
  };
}

export const useDaring = () =>
  useSyncExternalStore(
    langgan,
    () => navigator.onLine,
    () => true,
  );

/** The runtime cache of the employee's own reads (vite.config.ts names it the same). */
export const CACHE_DATA = 'ekinerja-data';

/** At logout and login: no one's data stays for the next person on the device. */
export async function hapusCacheData() {
  if ('caches' in window) await caches.delete(CACHE_DATA);
}
