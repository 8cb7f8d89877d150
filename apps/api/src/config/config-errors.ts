/**
 * Collects every wrong configuration value before failing, so an operator fixes them all in one
 * go instead of one restart per mistake.
 */
export class ConfigErrors {
  private readonly messages: string[] = [];

  add(variable: string, problem: string, value?: string): void {
    const shown = value === undefined ? '' : ` (got "${value}")`;
    this.messages.push(`${variable} ${problem}${shown}`);
  }

  throwIfAny(): void {
    if (this.messages.length > 0) throw new InvalidConfigError(this.messages);
  }
}

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export type Env = Record<string, string | undefined>;

export function readInteger(
  env: Env,
  errors: ConfigErrors,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    errors.add(name, `must be a whole number from ${min} to ${max}`, raw);
    return fallback;
  }
  return value;
}

export function readBoolean(env: Env, errors: ConfigErrors, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  errors.add(name, 'must be true or false', raw);
  return fallback;
}

/** Secrets are never echoed back in a configuration error. */
export function readKey(env: Env, errors: ConfigErrors, name: string): Buffer | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const key = /^[0-9a-f]+$/i.test(raw) && raw.length % 2 === 0 ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length < 32) {
    errors.add(name, 'must be at least 32 random bytes, hex or base64 encoded (e.g. `openssl rand -hex 32`)');
    return undefined;
  }
  return key;
}
