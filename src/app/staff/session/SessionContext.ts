// The signed-in staff member, shared by every staff screen. Owned by SessionProvider.
import { createContext, useContext } from 'react';
import type { Me, SessionResponse } from '../../../shared/api/staff';
import type { StaffRequest } from '../api/client';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'unreachable';

/** Why the person is signed out, for the login page to say: by their own choice, or expired. */
export type SignedOutReason = 'here' | 'everywhere' | 'expired';

export interface StaffSession {
  status: SessionStatus;
  signedOutReason: SignedOutReason | undefined;
  user: Me | undefined;
  /** Every staff request goes through this: cookies, CSRF header, 401 → signed out. */
  request: StaffRequest;
  /** After a login or setup answer: remember who is signed in and the CSRF token. */
  signIn: (session: SessionResponse) => void;
  logout: () => Promise<void>;
  logoutEverywhere: () => Promise<void>;
  retry: () => void;
}

export const SessionContext = createContext<StaffSession | null>(null);

export function useSession(): StaffSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
