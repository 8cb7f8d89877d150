import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ErrorCode, Permission, RoleResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiListQuery } from '../../common/openapi/api-list-query';
import { ApiBody, ApiCreatedBody, ApiErrors, ApiPage } from '../../common/openapi/api-responses';
import { SaveRoleDto } from './dto/save-role.dto';
import { ROLE_SORT_FIELDS } from './role.repository';
import { RolesService } from './roles.service';

@ApiTags('roles')
@Controller('api/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Finds roles by name, with how many staff members hold each' })
  @ApiListQuery({ filter: '{"q":"text"}: in the name; {"id":[1,2]}', sort: ROLE_SORT_FIELDS })
  @ApiPage('RoleResponse')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<RoleResponse[]> {
    const query = parseListQuery(raw, ROLE_SORT_FIELDS, 'name');
    const { rows, total } = await this.roles.list(query);
    setContentRange(response, 'roles', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'One role and its permissions' })
  @ApiBody('RoleResponse')
  get(@Param('id', ParseIntPipe) id: number): Promise<RoleResponse> {
    return this.roles.get(id);
  }

  @Post()
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Creates a role with some permissions' })
  @ApiCreatedBody('RoleResponse')
  // CONFLICT: a role of the same name created at the same moment (the unique index decides).
  @ApiErrors(ErrorCode.RoleNameTaken, ErrorCode.Conflict)
  create(@Body() dto: SaveRoleDto, @Ctx() context: RequestContext): Promise<RoleResponse> {
    return this.roles.create(dto, context);
  }

  @Put(':id')
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: "Changes a role's name, description and permissions (never a built-in role's)" })
  @ApiBody('RoleResponse')
  @ApiErrors(ErrorCode.RoleBuiltIn, ErrorCode.RoleNameTaken, ErrorCode.Conflict)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: SaveRoleDto,
    @Ctx() context: RequestContext,
  ): Promise<RoleResponse> {
    return this.roles.update(id, dto, context);
  }

  @Delete(':id')
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  @ApiOperation({ summary: 'Deletes a role nobody holds (never a built-in one); answers it as it was' })
  @ApiBody('RoleResponse')
  @ApiErrors(ErrorCode.RoleBuiltIn, ErrorCode.RoleInUse)
  delete(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<RoleResponse> {
    return this.roles.delete(id, context);
  }
}
