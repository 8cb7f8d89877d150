import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Permission, RoleResponse } from '@keydesk/domain';

import { RequirePermission } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { parseListQuery, RawListQuery, setContentRange } from '../../common/http/list-query';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { SaveRoleDto } from './dto/save-role.dto';
import { ROLE_SORT_FIELDS } from './role.repository';
import { RolesService } from './roles.service';

@ApiTags('roles')
@Controller('api/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequirePermission(Permission.StaffManage)
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) response: Response): Promise<RoleResponse[]> {
    const query = parseListQuery(raw, ROLE_SORT_FIELDS, 'name');
    const { rows, total } = await this.roles.list(query);
    setContentRange(response, 'roles', query.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission(Permission.StaffManage)
  get(@Param('id', ParseIntPipe) id: number): Promise<RoleResponse> {
    return this.roles.get(id);
  }

  @Post()
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
  create(@Body() dto: SaveRoleDto, @Ctx() context: RequestContext): Promise<RoleResponse> {
    return this.roles.create(dto, context);
  }

  @Put(':id')
  @RequireStepUp()
  @RequirePermission(Permission.StaffManage)
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
  delete(@Param('id', ParseIntPipe) id: number, @Ctx() context: RequestContext): Promise<RoleResponse> {
    return this.roles.delete(id, context);
  }
}
