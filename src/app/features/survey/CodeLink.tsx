// /s/CODE from a slip's QR code or an e-mail: opens the start screen with the code filled in.
// The code goes into the survey session's memory only (never router state, which the browser
// keeps in the history entry across Back and reload), and the entry is replaced by "/" at once,
// so the next person on a shared device finds the code neither in the address bar, nor behind
// Back, nor after a reload; the idle timer clears it from the field.
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PATHS } from './paths';
import { useSurvey } from './SurveyProvider';

export function CodeLink() {
  const { code = '' } = useParams();
  const { setCodeInput } = useSurvey();
  const navigate = useNavigate();
  useEffect(() => {
    setCodeInput(code);
    void navigate(PATHS.start, { replace: true });
  }, [code, setCodeInput, navigate]);
  return null;
}
