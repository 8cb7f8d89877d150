import BlockIcon from '@mui/icons-material/Block';
import type { ApiTokenResponse } from '@keydesk/domain';
import { useDataProvider, useRecordContext } from 'react-admin';

import { ConfirmButton } from '../common/ConfirmButton';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { apiTokenStatus } from './api-token-status';

/** "Revoke" on an active token's row, after a confirmation: every api process refuses it at once. */
export const ApiTokenRevokeButton = (_props: { label?: string }) => {
  const token = useRecordContext<ApiTokenResponse>();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  if (!token || apiTokenStatus(token) !== 'active') return null;
  return (
    <ConfirmButton
      icon={<BlockIcon />}
      prefix="keydesk.integrations.api_tokens"
      verb="revoke"
      done="revoked"
      args={{ name: token.name }}
      action={() => dataProvider.revokeApiToken(token.id)}
      queryKey="api-tokens"
    />
  );
};
