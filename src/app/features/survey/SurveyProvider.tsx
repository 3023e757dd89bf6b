// Owns the respondent's session in memory: the round being answered and the draft mirrored
// from IndexedDB. Every change is written to the device first (awaited) and only then shown,
// so a reload or crash never loses a tap. finish() forgets everything of the person.
//
// Who may see the draft (the shared tablet): only the person who began it here, or who opened it
// again with the code it was begun with (unlock; the code is held in memory, the draft keeps a
// proof of it). A reload or the start screen closes a coded draft until its code is typed again.
// A draft without a code (an open kiosk) is restored after a reload within the idle window, but
// the start screen deletes it: whoever sees the start screen may be the next person.
//
// Several rounds may be open at once (the device offers every open round of its municipality): a
// person with a code answers the round the server's code check names, and once a draft is begun
// `round` is the draft's round, so every screen shows that round's questionnaire.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { CurrentRoundResponse } from '../../../shared/api/respondent';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../../../shared/device';
import type { Language } from '../../../shared/languages';
import type { LikertValue } from '../../../shared/likert';
import {
  NoDraftError,
  StorageWriteError,
  draftMatchesCode,
  fetchCurrentRound,
  loadDraft,
  saveAnswer,
  saveBackground,
  saveLanguage,
  saveOpenText,
  startDraft,
  submitDraft,
  loadKiosk,
  wipeDraft,
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
  /** data: the round shown (the draft's, else the newest); rounds: every round this device offers. */
  | { status: 'ready'; data: CurrentRoundResponse; rounds: CurrentRoundResponse[] }
  | { status: 'unavailable'; offline: boolean };

export interface SurveyContextValue {
  round: RoundState;
  /** This person's draft: begun here, or opened again with its code. Never anyone else's. */
  draft: Draft | undefined;
  /** A draft is on the device that nobody here has opened: it waits for its code (or the idle wipe). */
  hasLockedDraft: boolean;
  /** The start screen's code field (typed, or from a /s/CODE link): memory only, cleared on idle. */
  codeInput: string;
  setCodeInput: (value: string) => void;
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
  /** roundId: the code's round, from the server's code check; left out, the newest round. */
  begin: (language: Language, code?: string, roundId?: string) => Promise<void>;
  /** Opens the locked draft when the (normalised) code is the one it was begun with. */
  unlock: (code: string) => Promise<boolean>;
  /** Starts over with the code of the draft that is open ("Begynn på nytt" after unlock). */
  beginAgain: (language: Language) => Promise<void>;
  /** The start screen is showing: a coded draft closes, a draft without a code is deleted. */
  showStart: () => void;
  answer: (statementId: string, value: LikertValue | null) => Promise<boolean>;
  setBackground: (questionId: string, value: string | undefined) => Promise<boolean>;
  setOpenText: (text: string) => Promise<boolean>;
  /** The person's pick (the language switch): shown, remembered, and written to the draft. */
  setLanguage: (language: Language) => Promise<void>;
  submit: () => Promise<string>;
  finish: () => Promise<void>;
  reloadRound: () => void;
}

/** Who opened the stored draft here; `code` is the one-time code it was begun with, memory only. */
interface Owner {
  code?: string;
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
  const [loaded, setRound] = useState<RoundState>({ status: 'loading' });
  const [stored, setStored] = useState<Draft | undefined>();
  // Whoever may see the stored draft: set by begin and unlock, gone with reload and start screen.
  const [owner, setOwner] = useState<Owner | undefined>();
  const ownerRef = useRef<Owner | undefined>(undefined);
  const storedRef = useRef<Draft | undefined>(undefined);
  const startShown = useRef(false);
  const [codeInput, setCodeInput] = useState('');
  const [isRestoring, setIsRestoring] = useState(true);
  const [submittedId, setSubmittedId] = useState<string | undefined>();
  const [roundRequest, setRoundRequest] = useState(0);
  const [kiosk, setKiosk] = useState<KioskIdentity | undefined>();
  const own = useCallback((next: Owner | undefined) => {
    ownerRef.current = next;
    setOwner(next);
  }, []);
  const keep = useCallback((next: Draft | undefined) => {
    storedRef.current = next;
    setStored(next);
  }, []);
  const draft = owner ? stored : undefined;
  // The round on the screens: the open draft's own, among those the device offers.
  const draftRoundId = draft?.roundId;
  const round = useMemo<RoundState>(() => {
    if (loaded.status !== 'ready' || draftRoundId === undefined) return loaded;
    const mine = loaded.rounds.find((r) => r.round.id === draftRoundId);
    return mine ? { ...loaded, data: mine } : loaded;
  }, [loaded, draftRoundId]);
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
        setRound({ status: 'ready', data: result.data, rounds: result.rounds });
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
        // Read again (the server's idle timeout arrived) while this person's draft is open: keep it.
        if (ownerRef.current) return setIsRestoring(false);
        let restored = found;
        if (restored && !restored.codeProof) {
          // Without a code only "still the same visit" tells it is this person's.
          if (startShown.current) {
            restored = undefined;
            void wipeDraft().catch(() => undefined);
          } else own({});
        }
        // The restored survey's person chose this language; the round's default must not undo it.
        if (restored && ownerRef.current) hold(restored.language);
        keep(restored);
        setIsRestoring(false);
      },
      () => !cancelled && setIsRestoring(false),
    );
    return () => {
      cancelled = true;
    };
  }, [hold, idleTimeoutMs, own, keep]);

  const begin = useCallback(
    async (language: Language, code?: string, roundId?: string) => {
      if (loaded.status !== 'ready') throw new Error('No open round to answer');
      // Offline the code's round is not known: the newest is offered, and the server files the
      // answer under its code's round anyway (a questionnaire that differs is then refused, and
      // the thank-you screen says so).
      const chosen = loaded.rounds.find((x) => x.round.id === roundId) ?? loaded.data;
      const { round: r } = chosen;
      const created = await startDraft(r, language, code ? { code } : {});
      own(code ? { code } : {});
      hold(language);
      setSubmittedId(undefined);
      setCodeInput('');
      keep(created);
    },
    [loaded, hold, own, keep],
  );

  const unlock = useCallback(
    async (code: string) => {
      const locked = storedRef.current;
      if (!locked?.codeProof || ownerRef.current) return false;
      if (!(await draftMatchesCode(locked, code)) || storedRef.current !== locked) return false;
      own({ code });
      hold(locked.language);
      setCodeInput('');
      return true;
    },
    [own, hold],
  );

  const beginAgain = useCallback(
    (language: Language) => begin(language, ownerRef.current?.code, storedRef.current?.roundId),
    [begin],
  );

  const showStart = useCallback(() => {
    startShown.current = true;
    own(undefined);
    setSubmittedId(undefined);
    const current = storedRef.current;
    if (current && !current.codeProof) {
      keep(undefined);
      void wipeDraft().catch(() => undefined);
    }
  }, [own, keep]);

  /**
   * Runs one draft write. false means nothing was saved: a storage failure (the banner from
   * useStorageHealth tells the person) or a draft wiped meanwhile (the screens then return to
   * the start). The caller must not move on as if the tap were saved.
   */
  const write = useCallback(
    async (save: () => Promise<Draft>): Promise<boolean> => {
      try {
        keep(await save());
        return true;
      } catch (error) {
        if (error instanceof NoDraftError) keep(undefined);
        else if (!(error instanceof StorageWriteError)) throw error;
        return false;
      }
    },
    [keep],
  );

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
    const code = ownerRef.current?.code;
    const id = await submitDraft(code ? { code } : {});
    setSubmittedId(id);
    // The code went into the outbox with the answer; memory lets it go.
    own(undefined);
    keep(undefined);
    sync?.requestSync();
    return id;
  }, [sync, own, keep]);

  const finish = useCallback(async () => {
    await wipeRespondentData();
    // The language was this person's too: the next one starts from the round's default.
    forget();
    own(undefined);
    keep(undefined);
    setSubmittedId(undefined);
    setCodeInput('');
    if (round.status === 'ready') applyRoundDefault(round.data.round.defaultLanguage);
  }, [forget, applyRoundDefault, round, own, keep]);

  const reloadRound = useCallback(() => {
    setRound({ status: 'loading' });
    setRoundRequest((n) => n + 1);
  }, []);

  const value = useMemo<SurveyContextValue>(
    () => ({
      round,
      draft,
      hasLockedDraft: Boolean(stored && !owner),
      codeInput,
      setCodeInput,
      kiosk,
      needsCode: !kiosk?.kiosk.openKiosk,
      apiFetch,
      isRestoring,
      submittedId,
      idleTimeoutMs,
      begin,
      unlock,
      beginAgain,
      showStart,
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
      stored,
      owner,
      codeInput,
      kiosk,
      apiFetch,
      isRestoring,
      submittedId,
      idleTimeoutMs,
      begin,
      unlock,
      beginAgain,
      showStart,
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
