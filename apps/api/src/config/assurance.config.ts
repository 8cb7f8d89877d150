import { ASSURANCE_DEFAULTS } from '@keydesk/domain';

import { ConfigErrors, Env, readInteger } from './config-errors';

/** Knowing who is asking: how long a verified caller and an approval count. */
export interface AssuranceConfig {
  /** CALLER_VERIFICATION_MINUTES: a confirmed caller code counts this long, for that agent and that user. */
  verificationSeconds: number;
  /** APPROVAL_MINUTES: an approved request may be used once within this long of its approval. */
  approvalSeconds: number;
}

export function readAssuranceConfig(env: Env, errors: ConfigErrors): AssuranceConfig {
  const minutes = (name: string, fallback: number) => readInteger(env, errors, name, fallback, 1, 24 * 60) * 60;
  return {
    verificationSeconds: minutes('CALLER_VERIFICATION_MINUTES', ASSURANCE_DEFAULTS.verificationMinutes),
    approvalSeconds: minutes('APPROVAL_MINUTES', ASSURANCE_DEFAULTS.approvalMinutes),
  };
}
