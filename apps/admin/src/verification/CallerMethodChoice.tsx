import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup } from '@mui/material';
import { VerificationMethod } from '@keydesk/domain';
import { useId } from 'react';
import { useTranslate } from 'react-admin';

const PREFIX = 'keydesk.verification';

interface CallerMethodChoiceProps {
  value: VerificationMethod;
  onChange: (method: VerificationMethod) => void;
}

/** For a customer with an authenticator app: a code mailed to an address on file, or the app's current code. */
export const CallerMethodChoice = ({ value, onChange }: CallerMethodChoiceProps) => {
  const translate = useTranslate();
  const legendId = useId();
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend" id={legendId}>
        {translate(`${PREFIX}.method`)}
      </FormLabel>
      <RadioGroup
        aria-labelledby={legendId}
        name={`${legendId}-method`}
        value={value}
        onChange={(event) => onChange(event.target.value as VerificationMethod)}
      >
        {Object.values(VerificationMethod).map((method) => (
          <FormControlLabel
            key={method}
            value={method}
            control={<Radio />}
            label={translate(`${PREFIX}.method_choices.${method}`)}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
};
