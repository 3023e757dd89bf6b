// Owns the respondent's session in memory: the round being answered and the draft mirrored
// from IndexedDB. Every change is written to the device first (awaited) and only then shown,
// so a reload or crash never loses a tap. finish() forgets everything of the person.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CurrentRoundResponse } from '../../../shared/api/respondent';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../../../shared/device';
import type { Language } from '../../../shared/languages';
import type { LikertValue } from '../../../shared/likert';
import {
  NoDraftError,
  StorageWriteError,
  fetchCurrentRound,
  loadDraft,
  saveAnswer,
  saveBackground,
  saveLanguage,
  saveOpenText,
  startDraft,
  submitDraft,
  loadKiosk,
  wipeRespondentData,
  withKioskCredential,
  type Draft,
  type KioskIdentity,
} from '../../offline';
import { browserFetch } from '../../connection/respondent-client';
import { useLanguage } from '../../i18n/useLanguage';
import { useSync } from '../../ui/SyncContext';

export type RoundState =
  | { status: 'loading' }
  | { status: 'ready'; data: CurrentRoundResponse }
  | { status: 'unavailable'; offline: boolean };

export interface SurveyContextValue {
  round: RoundState;
  draft: Draft | undefined;
  /** True until the draft found on the device (if any) has been read. */
  isRestoring: boolean;
  /** The id of the response this person just sent; memory only, gone after finish(). */
  submittedId: string | undefined;
  idleTimeoutMs: number;
  /** This device's kiosk identity when a leader enrolled it for a unit; undefined otherwise. */
  kiosk: KioskIdentity | undefined;
  /** Whether the person must type a one-time code (everywhere but an open-kiosk unit's tablet). */
  needsCode: boolean;
  /** The fetch every API call goes through (with the kiosk credential when enrolled). */
  apiFetch: typeof fetch;
  begin: (language: Language, code?: string) => Promise<void>;
  answer: (statementId: string, value: LikertValue | null) => Promise<boolean>;
  setBackground: (questionId: string, value: string | undefined) => Promise<boolean>;
  setOpenText: (text: string) => Promise<boolean>;
  /** The person's pick (the language switch): shown, remembered, and written to the draft. */
  setLanguage: (language: Language) => Promise<void>;
  submit: () => Promise<string>;
  finish: () => Promise<void>;
  reloadRound: () => void;
}

const SurveyContext = createContext<SurveyContextValue | null>(null);

export function useSurvey(): SurveyContextValue {
  const value = useContext(SurveyContext);
  if (!value) throw new Error('useSurvey must be used inside <SurveyProvider>');
  return value;
}

interface Props {
  children: ReactNode;
  fetchImpl?: typeof fetch;
  idleTimeoutSeconds?: number;
}

export function SurveyProvider({ children, fetchImpl, idleTimeoutSeconds: idleTimeoutProp }: Props) {
  const { applyRoundDefault, hold, choose, forget } = useLanguage();
  const sync = useSync();
  const [round, setRound] = useState<RoundState>({ status: 'loading' });
  const [draft, setDraft] = useState<Draft | undefined>();
  const [isRestoring, setIsRestoring] = useState(true);
  const [submittedId, setSubmittedId] = useState<string | undefined>();
  const [roundRequest, setRoundRequest] = useState(0);
  const [kiosk, setKiosk] = useState<KioskIdentity | undefined>();
  const apiFetch = useMemo(() => withKioskCredential(fetchImpl ?? browserFetch), [fetchImpl]);
  // An explicit prop (tests) wins, then the server's setting, then the built-in default.
  const serverTimeout = round.status === 'ready' ? round.data.settings?.idleTimeoutSeconds : undefined;
  const idleTimeoutMs = (idleTimeoutProp ?? serverTimeout ?? DEFAULT_IDLE_TIMEOUT_SECONDS) * 1000;

  useEffect(() => {
    let cancelled = false;
    void loadKiosk().then((found) => !cancelled && setKiosk(found));
    fetchCurrentRound(apiFetch).then(
      (result) => {
        if (cancelled) return;
        if (result.source === 'none') {
          setRound({ status: 'unavailable', offline: result.reason === 'unavailable' });
          return;
        }
        setRound({ status: 'ready', data: result.data });
        applyRoundDefault(result.data.round.defaultLanguage);
      },
      () => !cancelled && setRound({ status: 'unavailable', offline: !navigator.onLine }),
    );
    return () => {
      cancelled = true;
    };
  }, [roundRequest, apiFetch, applyRoundDefault]);

  useEffect(() => {
    let cancelled = false;
    loadDraft({ maxAgeMs: idleTimeoutMs }).then(
      (found) => {
        if (cancelled) return;
        // The restored survey's person chose this language; the round's default must not undo it.
        if (found) hold(found.language);
        setDraft(found);
        setIsRestoring(false);
      },
      () => !cancelled && setIsRestoring(false),
    );
    return () => {
      cancelled = true;
    };
  }, [hold, idleTimeoutMs]);

  const begin = useCallback(
    async (language: Language, code?: string) => {
      if (round.status !== 'ready') throw new Error('No open round to answer');
      const { round: r } = round.data;
      const created = await startDraft(r, language, code ? { code } : {});
      hold(language);
      setSubmittedId(undefined);
      setDraft(created);
    },
    [round, hold],
  );

  /**
   * Runs one draft write. false means nothing was saved: a storage failure (the banner from
   * useStorageHealth tells the person) or a draft wiped meanwhile (the screens then return to
   * the start). The caller must not move on as if the tap were saved.
   */
  const write = useCallback(async (save: () => Promise<Draft>): Promise<boolean> => {
    try {
      setDraft(await save());
      return true;
    } catch (error) {
      if (error instanceof NoDraftError) setDraft(undefined);
      else if (!(error instanceof StorageWriteError)) throw error;
      return false;
    }
  }, []);

  const answer = useCallback(
    (statementId: string, value: LikertValue | null) => write(() => saveAnswer(statementId, value)),
    [write],
  );
  const setBackground = useCallback(
    (questionId: string, value: string | undefined) => write(() => saveBackground(questionId, value)),
    [write],
  );
  const setOpenText = useCallback((text: string) => write(() => saveOpenText(text)), [write]);

  const setLanguage = useCallback(
    async (language: Language) => {
      await choose(language);
      if (draft) await write(() => saveLanguage(language));
    },
    [draft, choose, write],
  );

  const submit = useCallback(async () => {
    const id = await submitDraft();
    setSubmittedId(id);
    setDraft(undefined);
    sync?.requestSync();
    return id;
  }, [sync]);

  const finish = useCallback(async () => {
    await wipeRespondentData();
    // The language was this person's too: the next one starts from the round's default.
    forget();
    setDraft(undefined);
    setSubmittedId(undefined);
    if (round.status === 'ready') applyRoundDefault(round.data.round.defaultLanguage);
  }, [forget, applyRoundDefault, round]);

  const reloadRound = useCallback(() => {
    setRound({ status: 'loading' });
    setRoundRequest((n) => n + 1);
  }, []);

  const value = useMemo<SurveyContextValue>(
    () => ({
      round,
      draft,
      kiosk,
      needsCode: !kiosk?.kiosk.openKiosk,
      apiFetch,
      isRestoring,
      submittedId,
      idleTimeoutMs,
      begin,
      answer,
      setBackground,
      setOpenText,
      setLanguage,
      submit,
      finish,
      reloadRound,
    }),
    [
      round,
      draft,
      kiosk,
      apiFetch,
      isRestoring,
      submittedId,
      idleTimeoutMs,
      begin,
      answer,
      setBackground,
      setOpenText,
      setLanguage,
      submit,
      finish,
      reloadRound,
    ],
  );
  return <SurveyContext.Provider value={value}>{children}</SurveyContext.Provider>;
}
