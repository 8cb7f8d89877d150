import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ClientUserResponse, Permission } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
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
  @ApiQuery({
    name: 'sort',
    required: false,
    description: `["field","ASC"|"DESC"], field one of ${CLIENT_USER_SORT_FIELDS.join(', ')}; without it, the owner first, then by user name`,
  })
  @ApiQuery({ name: 'range', required: false, description: '[first,last], e.g. [0,24]' })
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
  associate(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateClientUserDto,
    @Ctx() context: RequestContext,
  ): Promise<ClientUserResponse> {
    return this.clientUsers.associate(id, dto, context);
  }

  @Put(':id/users/:userId')
  @RequirePermission(Permission.UsersManage)
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
  @ApiOperation({ summary: 'Removes the user from this client (the user itself is kept); answers the removed row' })
  dissociate(
    @Param('id', ParseIntPipe) id: number,
    @Param('userId', ParseIntPipe) userId: number,
    @Query() query: DissociateClientUserDto,
    @Ctx() context: RequestContext,
  ): Promise<ClientUserResponse> {
    return this.clientUsers.dissociate(id, userId, query.newOwnerId, context);
  }
}
