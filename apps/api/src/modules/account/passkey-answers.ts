import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

/**
 * A passkey ceremony's answer as the page's script posts it (JSON in a form field): the shape
 * checked enough to hand to SimpleWebAuthn, which verifies the rest (and refuses what is wrong).
 */
function parsed(field: unknown): Record<string, unknown> | null {
  if (typeof field !== 'string' || field === '' || field.length > 8192) return null;
  try {
    const value = JSON.parse(field) as unknown;
    const answer = value as { id?: unknown; response?: unknown };
    if (typeof answer.id !== 'string' || typeof answer.response !== 'object' || answer.response === null) return null;
    return value as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function passkeyAnswer(field: unknown): AuthenticationResponseJSON | null {
  const value = parsed(field);
  const response = value?.response as { clientDataJSON?: unknown; authenticatorData?: unknown; signature?: unknown };
  if (!value || typeof response.clientDataJSON !== 'string' || typeof response.signature !== 'string') return null;
  return value as unknown as AuthenticationResponseJSON;
}

export function registrationAnswer(field: unknown): RegistrationResponseJSON | null {
  const value = parsed(field);
  const response = value?.response as { clientDataJSON?: unknown; attestationObject?: unknown };
  if (!value || typeof response.clientDataJSON !== 'string' || typeof response.attestationObject !== 'string')
    return null;
  return value as unknown as RegistrationResponseJSON;
}
