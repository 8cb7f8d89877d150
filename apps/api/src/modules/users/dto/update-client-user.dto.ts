import { PartialType, PickType } from '@nestjs/swagger';

import { CreateClientUserDto } from './create-client-user.dto';

/**
 * Only the membership changes here (the user's own fields are edited through /api/users/:id).
 * `owner: false` on the owner is refused: ownership moves by making another member the owner.
 */
export class UpdateClientUserDto extends PartialType(
  PickType(CreateClientUserDto, ['username', 'owner', 'permissions'] as const),
) {}
