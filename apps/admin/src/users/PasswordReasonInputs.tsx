import { PASSWORD_RESET_REASON_MAX_LENGTH, PASSWORD_RESET_REASONS } from '@keydesk/domain';
import type { FieldValues } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { SelectInput, TextInput } from 'react-admin';

const OTHER = 'other';

/** The form's starting reason, for `defaultValues`. */
export const DEFAULT_PASSWORD_REASON = PASSWORD_RESET_REASONS[0];

const OtherReasonInput = () => {
  const reason = useWatch({ name: 'reason' }) as string | undefined;
  if (reason !== OTHER) return null;
  return (
    <TextInput
      source="otherReason"
      label="keydesk.users.reset.other_reason"
      fullWidth
      slotProps={{ htmlInput: { maxLength: PASSWORD_RESET_REASON_MAX_LENGTH } }}
    />
  );
};

/** Why the agent acts on the password: one of the usual reasons or free text, kept in the audit trail. */
export const PasswordReasonInputs = () => (
  <>
    <SelectInput
      source="reason"
      label="keydesk.users.reset.reason"
      choices={[...PASSWORD_RESET_REASONS, OTHER].map((id) => ({ id, name: `keydesk.users.reset.reasons.${id}` }))}
    />
    <OtherReasonInput />
  </>
);

/** The reason as the api takes it: the chosen one, or the free text; nothing when left blank. */
export function reasonOf(values: FieldValues): string | undefined {
  const reason =
    values.reason === OTHER
      ? (values.otherReason as string | undefined)?.trim()
      : (values.reason as string | undefined);
  return reason || undefined;
}
