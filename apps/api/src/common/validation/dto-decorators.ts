import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Min, ValidateIf } from 'class-validator';

/** Trims strings before validation, so "  " is empty and stored values carry no stray spaces. */
export const Trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * May be left out of an update, but not sent as null: the column is NOT NULL. (class-validator's
 * IsOptional would let null through to the database.)
 */
export const OptionalNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

/**
 * `approvalId` on an action that may need a verified caller or a second person: an approved
 * request (POST /api/approvals) for this action and this user, used by it once.
 */
export const ApprovalIdProperty = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      example: 17,
      description:
        'An approved request of yours for this action on this subject (POST /api/approvals); the action uses it. 409 APPROVAL_NOT_USABLE otherwise.',
    }),
    OptionalNotNull(),
    IsInt(),
    Min(1),
  );
