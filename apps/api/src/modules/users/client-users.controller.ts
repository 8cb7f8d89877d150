import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ClientUserResponse, ErrorCode, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { CLIENT_USER_SORT_FIELDS } from './client-user.repository';
import { ClientUsersService } from './client-users.service';
import { CreateClientUserDto } from './dto/create-client-user.dto';
import { DissociateClientUserDto } from './dto/dissociate-client-user.dto';
import { UpdateClientUserDto } from './dto/update-client-user.dto';

/** A client profile's Users tab: who may sign in to this client's account, and with what rights. */
@ApiTags('users')
@Controller('api/clients')
export class ClientUsersController {
  constructor(private readonly clientUsers: ClientUsersService) {}

  @Get(':id/users')
  @RequirePermission(Permission.ClientsView)
  @ApiOperation({ summary: "The client's users, each with their rights here and the factors they sign in with" })
  @ApiListQuery({
    sort: `["field","ASC"|"DESC"], field one of ${CLIENT_USER_SORT_FIELDS.join(', ')}; without it, the owner first, then by user name`,
  })
  @ApiPage('ClientUserResponse')
  async list(
    @Param('id', ParseIntPipe) id: number,
    @Query() raw: RawListQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ClientUserResponse[]> {
    const query = parseListQuery(raw, CLIENT_USER_SORT_FIELDS, 'username');
    const { rows, total } = await this.clientUsers.list(id, { ...query, ownerFirst: raw.sort === undefined });
    setContentRange(response, 'users', query.offset, rows.length, total);
    return rows;
  }

  @Post(':id/users')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Associates the user with this email (created when new) with the client' })
  @ApiCreatedBody('ClientUserResponse')
  // CONFLICT: the same new email associated with two clients at once (the users' unique index decides).
  @ApiErrors(ErrorCode.AlreadyAssociated, ErrorCode.ClientUsernameTaken, ErrorCode.Conflict)
  associate(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateClientUserDto,
    @Ctx() context: RequestContext,
  ): Promise<ClientUserResponse> {
    return this.clientUsers.associate(id, dto, context);
  }

  @Put(':id/users/:userId')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: "Changes a user's user name, rights or ownership in this client",
    description:
      "Making a user the owner ends the previous owner's ownership; 409 OWNER_REQUIRED for `owner: false` on the owner.",
  })
  @ApiBody('ClientUserResponse')
  @ApiErrors(ErrorCode.OwnerRequired, ErrorCode.ClientUsernameTaken)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Param('userId', ParseIntPipe) userId: number,
    @Body() dto: UpdateClientUserDto,
    @Ctx() context: RequestContext,
  ): Promise<ClientUserResponse> {
    return this.clientUsers.update(id, userId, dto, context);
  }

  @Delete(':id/users/:userId')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({
    summary: 'Removes the user from this client (the user itself is kept); answers the removed row',
    description:
      'The owner leaves only by naming a successor (`newOwnerId`, 409 OWNER_REQUIRED without), unless nobody else is left.',
  })
  @ApiBody('ClientUserResponse')
  @ApiErrors(ErrorCode.OwnerRequired)
  dissociate(
    @Param('id', ParseIntPipe) id: number,
    @Param('userId', ParseIntPipe) userId: number,
    @Query() query: DissociateClientUserDto,
    @Ctx() context: RequestContext,
  ): Promise<ClientUserResponse> {
    return this.clientUsers.dissociate(id, userId, query.newOwnerId, context);
  }
}
