/** What a secret looks like wherever a mail is shown or stored after the fact. */
export const REDACTED = '[redacted]';

/** Template variables that print `[redacted]` in place of each named secret. */
export function redactedVariables(names: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...names].map((name) => [name, REDACTED]));
}

/**
 * Removes secret values from free text such as a transport's error message, which may quote what
 * it was given; the longest first, so a secret that contains another leaves no part behind.
 */
export function scrubSecrets(text: string, secrets: Readonly<Record<string, string>>): string {
  return Object.values(secrets)
    .filter((value) => value.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((scrubbed, value) => scrubbed.split(value).join(REDACTED), text);
}
