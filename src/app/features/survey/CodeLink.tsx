// /s/CODE from a slip's QR code or an e-mail: opens the start screen with the code filled in.
// The code moves into router state and the address becomes "/", so it does not linger in the
// address bar or in the history for the next person on a shared device.
import { Navigate, useParams } from 'react-router';
import { PATHS } from './paths';

export function CodeLink() {
  const { code = '' } = useParams();
  return <Navigate to={PATHS.start} replace state={{ code }} />;
}
