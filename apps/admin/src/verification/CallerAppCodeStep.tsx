import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { Alert, DialogActions, DialogContent, DialogContentText } from '@mui/material';
import { CALLER_CODE, ErrorCode, type ApiErrorBody, type ConfirmedVerification } from '@keydesk/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  HttpError,
  regex,
  required,
  SaveButton,
  TextInput,
  useDataProvider,
  useTranslate,
} from 'react-admin';

import { useSubmissionErrors } from '../common/useApiErrors';
import type { KeydeskDataProvider } from '../providers/data-provider';
import { useFinishVerification } from './useFinishVerification';

const PREFIX = 'keydesk.verification';
const CODE_PATTERN = new RegExp(`^\\d{${CALLER_CODE.digits}}$`);

interface CallerAppCodeStepProps {
  userId: number;
  ticketId?: number;
  onClose: () => void;
  onVerified?: (verification: ConfirmedVerification) => void;
}

/**
 * The code the customer's authenticator app shows now, read out by the caller. Nothing is sent,
 * so there is no code to wait for: a wrong or used one stays under the input, and too many wrong
 * ones leave the api's wait above it.
 */
export const CallerAppCodeStep = ({ userId, ticketId, onClose, onVerified }: CallerAppCodeStepProps) => {
  const translate = useTranslate();
  const submissionErrors = useSubmissionErrors();
  const dataProvider = useDataProvider<KeydeskDataProvider>();
  const finish = useFinishVerification(onClose, onVerified);
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: (code: string) => dataProvider.confirmCallerAppCode(userId, code, ticketId),
  });

  const submit = async (values: FieldValues) => {
    setFailure(null);
    try {
      await finish(await confirm.mutateAsync(String(values.code).trim()));
    } catch (error) {
      if (!(error instanceof HttpError)) return submissionErrors(error);
      // Five wrong codes in ten minutes: the api says how long to wait.
      if (error.status === 429) {
        setFailure(error.message);
        return undefined;
      }
      const body = error.body as Partial<ApiErrorBody> | undefined;
      if (body?.code === ErrorCode.VerificationCodeInvalid) return { code: error.message };
      return submissionErrors(error);
    }
  };

  const busy = confirm.isPending;
  return (
    <Form record={{}} defaultValues={{ code: '' }} onSubmit={submit} disableInvalidFormNotification>
      <DialogContent>
        {failure && (
          <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
            {failure}
          </Alert>
        )}
        <DialogContentText sx={{ mb: 2 }}>{translate(`${PREFIX}.app_help`)}</DialogContentText>
        <TextInput
          source="code"
          label={`${PREFIX}.app_code`}
          helperText={translate(`${PREFIX}.code_help`, { digits: CALLER_CODE.digits })}
          validate={[
            required(),
            regex(CODE_PATTERN, translate(`${PREFIX}.code_format`, { digits: CALLER_CODE.digits })),
          ]}
          autoComplete="off"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: CALLER_CODE.digits } }}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={busy} />
        <SaveButton label={`${PREFIX}.confirm`} icon={<VerifiedUserIcon />} disabled={busy} alwaysEnable={!busy} />
      </DialogActions>
    </Form>
  );
};
