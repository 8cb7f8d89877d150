import { COUNTRIES } from '@keydesk/domain';
import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';

/**
 * Country names come from the browser's own list (Intl.DisplayNames), in the UI's language: the
 * same names people see everywhere else, with nothing to translate by hand.
 */
function displayNames(locale: string): Intl.DisplayNames {
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
}

export function useCountryName(): (code: string) => string {
  const [locale] = useLocaleState();
  return useMemo(() => {
    const names = displayNames(locale);
    return (code: string) => names.of(code) ?? code;
  }, [locale]);
}

/** The countries Keydesk serves, by name in the UI's language; already translated. */
export function useCountryChoices(): { id: string; name: string }[] {
  const countryName = useCountryName();
  return useMemo(
    () => COUNTRIES.map((code) => ({ id: code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name)),
    [countryName],
  );
}
