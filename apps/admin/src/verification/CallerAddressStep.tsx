import SendIcon from '@mui/icons-material/Send';
import { Alert, DialogActions, DialogContent, DialogContentText } from '@mui/material';
import type { StartedVerification, VerificationAddress } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  HttpError,
  RadioButtonGroupInput,
  required,
  SaveButton,
  useDataProvider,
  useTranslate,
} from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import { hasSession } from '../providers/auth-provider';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { useRefreshVerifications } from './useCallerVerification';

const PREFIX = 'keydesk.verification';

interface CallerAddressStepProps {
  userId: number;
  ticketId?: number;
  addresses: VerificationAddress[];
  onSent: (started: StartedVerification) => void;
  onClose: () => void;
}

/** Which address on file gets the code: the one the caller says they can read now. */
export const CallerAddressStep = ({ userId, ticketId, addresses, onSent, onClose }: CallerAddressStepProps) => {
  const translate = useTranslate();
  const helpId = useId();
  const submissionErrors = useSubmissionErrors();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const refreshVerifications = useRefreshVerifications();
  const [failure, setFailure] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (address: string) => dataProvider.startCallerVerification(userId, address, ticketId),
  });

  const submit = async (values: FieldValues) => {
    setFailure(null);
    try {
      const started = await send.mutateAsync(String(values.address));
      // A 401 sent the agent to the sign-in page instead: nothing was sent.
      if (!hasSession()) return;
      await refreshVerifications();
      onSent(started);
    } catch (error) {
      // Another code went out less than a minute ago: the api says how long to wait.
      if (error instanceof HttpError && error.status === 429) {
        setFailure(error.message);
        return undefined;
      }
      return submissionErrors(error);
    }
  };

  const choices = addresses.map(({ address, kind }) => ({
    id: address,
    name: `${address} (${translate(`${PREFIX}.kinds.${kind}`, { _: kind })})`,
  }));
  return (
    <Form record={{}} defaultValues={{ address: addresses[0]?.address }} onSubmit={submit}>
      <DialogContent>
        {failure && (
          <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
            {failure}
          </Alert>
        )}
        <DialogContentText id={helpId} sx={{ mb: 2 }}>
          {translate(`${PREFIX}.help`)}
        </DialogContentText>
        {addresses.length === 0 ? (
          <Alert severity="info">{translate(`${PREFIX}.no_addresses`)}</Alert>
        ) : (
          <RadioButtonGroupInput
            source="address"
            label={`${PREFIX}.address`}
            helperText={`${PREFIX}.address_help`}
            choices={choices}
            translateChoice={false}
            validate={required()}
            row={false}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={send.isPending} />
        {addresses.length > 0 && (
          <SaveButton
            label={`${PREFIX}.send`}
            icon={<SendIcon />}
            disabled={send.isPending}
            alwaysEnable={!send.isPending}
          />
        )}
      </DialogActions>
    </Form>
  );
};
