import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

import { StaffEntity } from '../staff/staff.entity';
import { StaffPasskeyEntity } from './staff-passkey.entity';

/** The relying party is the address people use (PUBLIC_URL), never a request's Host header. */
export interface RelyingParty {
  id: string;
  origin: string;
}

export function relyingPartyOf(publicUrl: URL): RelyingParty {
  return { id: publicUrl.hostname, origin: publicUrl.origin };
}

const transportsOf = (passkey: StaffPasskeyEntity) =>
  (passkey.transports ? passkey.transports.split(',') : []) as AuthenticatorTransportFuture[];

/** Options for navigator.credentials.create(): user verification preferred, no attestation, no second of the same key. */
export function registrationOptions(
  rp: RelyingParty,
  staff: StaffEntity,
  existing: StaffPasskeyEntity[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: 'Keydesk',
    rpID: rp.id,
    userName: staff.username,
    userDisplayName: staff.displayName,
    userID: new TextEncoder().encode(`keydesk-staff-${staff.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: transportsOf(passkey) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** The new credential, or null when the answer is not one for this challenge and site. */
export async function verifiedRegistration(
  rp: RelyingParty,
  challenge: string,
  response: RegistrationResponseJSON,
): Promise<Pick<StaffPasskeyEntity, 'credentialId' | 'publicKey' | 'counter' | 'transports'> | null> {
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!verified || !registrationInfo) return null;
    const { credential } = registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: (credential.transports ?? []).join(','),
    };
  } catch {
    return null;
  }
}

export function authenticationOptions(
  rp: RelyingParty,
  passkeys: StaffPasskeyEntity[],
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: transportsOf(passkey) })),
    userVerification: 'preferred',
  });
}

/** The passkey's new counter when the assertion is its, for this challenge and site; else null. */
export async function verifiedAssertion(
  rp: RelyingParty,
  challenge: string,
  passkey: StaffPasskeyEntity,
  response: AuthenticationResponseJSON,
): Promise<number | null> {
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: Buffer.from(passkey.publicKey, 'base64url'),
        counter: passkey.counter,
        transports: transportsOf(passkey),
      },
      requireUserVerification: false,
    });
    return verified ? authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}
