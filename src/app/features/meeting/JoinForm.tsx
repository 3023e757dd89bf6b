// The short code from the room's screen, for a phone that cannot scan the QR code. No account
// and no name: the code is all. What people type is normalised (lower case, spaces and dashes)
// and checked against the code's alphabet before it is sent; the server's refusals are told in
// plain words, with the wait when there have been too many wrong guesses.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS } from '../../../shared/meetings';
import { codeProblem, normaliseCode, type CodeProblem } from './join-code';
import type { JoinProblem } from './join-problem';

export type FormProblem = JoinProblem | { kind: 'left' } | null;

interface Props {
  problem: FormProblem;
  busy: boolean;
  onJoin: (code: string) => void;
}

export function JoinForm({ problem, busy, onJoin }: Props) {
  const { t } = useTranslation('meeting');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [local, setLocal] = useState<CodeProblem | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const code = normaliseCode(typed);
    const found = codeProblem(code);
    setLocal(found);
    if (found) {
      input.current?.focus();
      return;
    }
    onJoin(code);
  }

  const message = local ? localMessage(local, t) : problem ? problemMessage(problem, t) : '';
  const isInvalid = local !== null || problem?.kind === 'invalid';
  return (
    <div className="screen meeting-phone">
      <h1>{t('join.heading')}</h1>
      <p>{t('join.noAccount')}</p>
      <form className="meeting-phone__join" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-code`} className="field-label">
          {t('join.code')}
        </label>
        <p id={`${id}-hint`} className="hint">
          {t('phone.join.hint', { length: MEETING_LIMITS.codeLength })}
        </p>
        <input
          ref={input}
          id={`${id}-code`}
          className="code-input"
          type="text"
          value={typed}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={24}
          aria-describedby={`${id}-hint ${id}-problem`}
          aria-invalid={isInvalid || undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            setLocal(null);
          }}
        />
        <p id={`${id}-problem`} className="field-error" role="alert">
          {message}
        </p>
        <button type="submit" className="button button--primary button--large" disabled={busy}>
          {t('join.submit')}
        </button>
        <p role="status" className="hint">
          {busy ? t('phone.join.joining') : ''}
        </p>
      </form>
    </div>
  );
}

type T = ReturnType<typeof useTranslation<'meeting'>>['t'];

function localMessage(problem: CodeProblem, t: T): string {
  if (problem === 'empty') return t('phone.problem.empty');
  if (problem === 'characters') return t('phone.problem.characters');
  return t('phone.problem.length', { length: MEETING_LIMITS.codeLength });
}

export function problemMessage(problem: NonNullable<FormProblem>, t: T): string {
  switch (problem.kind) {
    case 'invalid':
      return problem.via === 'link' ? t('phone.problem.invalidLink') : t('phone.problem.invalidCode');
    case 'rateLimited':
      return problem.retryAfterSeconds === null
        ? t('phone.problem.rateLimitedSoon')
        : t('phone.problem.rateLimited', { count: Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)) });
    case 'closed':
      return t('phone.problem.closed');
    case 'offline':
      return t('phone.problem.offline');
    case 'left':
      return t('phone.problem.left');
    case 'server':
      return t('phone.problem.server');
  }
}
