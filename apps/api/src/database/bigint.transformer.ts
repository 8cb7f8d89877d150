import { ValueTransformer } from 'typeorm';

/**
 * BIGINT columns hold epoch milliseconds and sequence numbers, all below 2^53; mysql2 may hand
 * them back as strings, SQLite as numbers. Entities always see numbers.
 */
export const bigintTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
