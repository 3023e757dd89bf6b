// One save at a time on the sign-in screen: busy while it runs, the failure kept for ApiError.
import { oidcApi } from '../api/oidc';
import { useApiAction } from '../ui/useAction';

export const useOidcAction = () => useApiAction(oidcApi);
