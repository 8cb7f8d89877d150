import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims strings before validation, so "  " is empty and stored values carry no stray spaces. */
export const Trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * May be left out of an update, but not sent as null: the column is NOT NULL. (class-validator's
 * IsOptional would let null through to the database.)
 */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);
