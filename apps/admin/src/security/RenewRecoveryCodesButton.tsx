import AutorenewIcon from '@mui/icons-material/Autorenew';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { RECOVERY_CODE_COUNT } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Confirm, useDataProvider, useTranslate } from 'react-admin';

import { useNotifyError } from '../common/useApiErrors';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { RecoveryCodes } from './RecoveryCodes';

const PREFIX = 'keydesk.security';

/** New recovery codes, after a confirmation (the old ones stop working), shown once in a dialog. */
export const RenewRecoveryCodesButton = ({ onRenewed }: { onRenewed: () => void }) => {
  const translate = useTranslate();
  const notifyError = useNotifyError();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const titleId = useId();
  const [asking, setAsking] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const renew = useMutation({
    mutationFn: () => dataProvider.renewRecoveryCodes(),
    onSuccess: (answer) => {
      setAsking(false);
      // An empty answer: a 401 sent the staff member to the sign-in page.
      if (answer?.recoveryCodes) setCodes(answer.recoveryCodes);
    },
    onError: (error) => {
      setAsking(false);
      notifyError(error);
    },
  });
  const done = () => {
    setCodes(null);
    onRenewed();
  };

  return (
    <>
      <Button label={`${PREFIX}.renew`} onClick={() => setAsking(true)} aria-haspopup="dialog">
        <AutorenewIcon />
      </Button>
      <Confirm
        isOpen={asking}
        loading={renew.isPending}
        title={`${PREFIX}.renew_title`}
        content={`${PREFIX}.renew_content`}
        contentTranslateOptions={{ count: RECOVERY_CODE_COUNT }}
        confirm={`${PREFIX}.renew`}
        onConfirm={() => renew.mutate()}
        onClose={() => setAsking(false)}
      />
      {/* Closed only by "Done": a click beside it must not lose codes that are never shown again. */}
      <Dialog open={codes !== null} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate(`${PREFIX}.renewed_title`)}</DialogTitle>
        <DialogContent>{codes && <RecoveryCodes codes={codes} />}</DialogContent>
        <DialogActions>
          <Button label="keydesk.two_factor.done" onClick={done} variant="contained" />
        </DialogActions>
      </Dialog>
    </>
  );
};
