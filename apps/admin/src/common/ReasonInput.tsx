import { maxLength, required, TextInput } from 'react-admin';

/**
 * The free-text reason a later reader of the activity log has to go on: required, its limit held
 * by the field itself; `${prefix}.reason` and `${prefix}.reason_help` name it.
 */
export const ReasonInput = ({
  prefix,
  maxReasonLength,
  autoFocus = false,
}: {
  prefix: string;
  maxReasonLength: number;
  autoFocus?: boolean;
}) => (
  <TextInput
    source="reason"
    label={`${prefix}.reason`}
    helperText={`${prefix}.reason_help`}
    validate={[required(), maxLength(maxReasonLength)]}
    multiline
    minRows={2}
    fullWidth
    autoFocus={autoFocus}
    slotProps={{ htmlInput: { maxLength: maxReasonLength } }}
  />
);
