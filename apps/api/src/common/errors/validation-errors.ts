import { ValidationError, getMetadataStorage } from 'class-validator';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from './domain-error';

type FieldErrors = NonNullable<DomainError['fieldErrors']>;

/**
 * Turns class-validator's errors into per-field message keys with their limits (max length...),
 * which the exception filter translates; react-admin shows them next to each input.
 */
export function validationErrorToDomainError(errors: ValidationError[]): DomainError {
  const fields: FieldErrors = {};
  collect(errors, '', fields);
  return new DomainError(ErrorCode.ValidationFailed, {}, fields);
}

function collect(errors: ValidationError[], prefix: string, fields: FieldErrors): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraint = firstConstraint(Object.keys(error.constraints ?? {}));
    if (constraint) fields[path] = describe(error, constraint);
    if (error.children?.length) collect(error.children, path, fields);
  }
}

/**
 * The constraint to report when a value breaks several: what it should be before how long it may
 * be, so `{"email": null}` reads "must be a valid email address", not "at most 254 characters".
 */
const REPORT_FIRST = [
  'whitelistValidation',
  'isArray',
  'isString',
  'isInt',
  'isBoolean',
  'isEmail',
  'isIn',
  'isEnum',
  'isNotEmpty',
  'isDefined',
];

function firstConstraint(constraints: string[]): string | undefined {
  return REPORT_FIRST.find((name) => constraints.includes(name)) ?? constraints[0];
}

function describe(
  error: ValidationError,
  constraint: string,
): { key: string; params?: Record<string, string | number> } {
  if (constraint === 'whitelistValidation') return { key: 'validation.unknownField' };
  const args = constraintArguments(error, constraint);
  switch (constraint) {
    case 'maxLength':
    case 'arrayMaxSize':
      return { key: 'validation.maxLength', params: { max: Number(args[0]) } };
    case 'minLength':
      return { key: 'validation.minLength', params: { min: Number(args[0]) } };
    case 'isIn':
    case 'isEnum':
      return { key: 'validation.isIn', params: { values: listOf(args[0]) } };
    case 'isNotEmpty':
    case 'isDefined':
    case 'isString':
    case 'isEmail':
    case 'matches':
    case 'isInt':
    case 'isArray':
    case 'arrayUnique':
    case 'isBoolean':
      return { key: `validation.${constraint}` };
    default:
      return { key: 'validation.invalid' };
  }
}

function constraintArguments(error: ValidationError, constraint: string): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint));
  return metadata?.constraints ?? [];
}

function listOf(values: unknown): string {
  if (Array.isArray(values)) return values.join(', ');
  if (values && typeof values === 'object') return Object.values(values).join(', ');
  return String(values);
}
