// Owns the staff session in the PWA: asks GET /auth/me once, keeps the CSRF token in memory only
// (never in storage: a reload asks again), and drops to "signed out" on any 401 so the screens
// send the person to the login page. Nothing of the session is written to IndexedDB.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, SessionResponse } from '../../../shared/api/staff';
import { authApi } from '../api/auth';
import { createStaffRequest, StaffApiError, type StaffRequest } from '../api/client';
import {
  SessionContext,
  type SessionStatus,
  type SignedOutReason,
  type StaffSession,
} from './SessionContext';

/** The CSRF token, held outside React state: requests read it at send time, nothing re-renders. */
class TokenHolder {
  private token: string | undefined;
  get = () => this.token;
  set = (token: string | undefined) => {
    this.token = token;
  };
}

interface Client {
  token: TokenHolder;
  request: StaffRequest;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<Me | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>();
  const [{ token, request }] = useState<Client>(() => {
    const holder = new TokenHolder();
    return {
      token: holder,
      request: createStaffRequest({
        getCsrfToken: holder.get,
        onUnauthenticated: () => {
          // Only a session this tab held can expire; a 401 at start just means "not signed in".
          if (holder.get() !== undefined) setSignedOutReason('expired');
          holder.set(undefined);
          setUser(undefined);
          setStatus('signed-out');
        },
      }),
    };
  });

  const signIn = useCallback(
    (session: SessionResponse) => {
      token.set(session.csrfToken);
      setSignedOutReason(undefined);
      setUser(session.user);
      setStatus('signed-in');
    },
    [token],
  );

  useEffect(() => {
    let isCurrent = true;
    authApi(request)
      .me()
      .then(
        (session) => {
          if (isCurrent) signIn(session);
        },
        (error: unknown) => {
          // 401 is handled by onUnauthenticated; anything else means the server could not say.
          if (isCurrent && !(error instanceof StaffApiError && error.status === 401))
            setStatus('unreachable');
        },
      );
    return () => {
      isCurrent = false;
    };
  }, [request, signIn, attempt]);

  const signOut = useCallback(
    async (everywhere: boolean) => {
      const api = authApi(request);
      try {
        await (everywhere ? api.logoutEverywhere() : api.logout());
      } finally {
        // Even if the server could not be reached, this tab forgets the session.
        token.set(undefined);
        setSignedOutReason(everywhere ? 'everywhere' : 'here');
        setUser(undefined);
        setStatus('signed-out');
      }
    },
    [request, token],
  );
  const logout = useCallback(() => signOut(false), [signOut]);
  const logoutEverywhere = useCallback(() => signOut(true), [signOut]);
  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<StaffSession>(
    () => ({ status, signedOutReason, user, request, signIn, logout, logoutEverywhere, retry }),
    [status, signedOutReason, user, request, signIn, logout, logoutEverywhere, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
