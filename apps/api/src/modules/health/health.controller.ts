import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import type { HealthResponse } from '@keydesk/domain';

import { Public } from '../../common/access/access.decorator';
import { ApiBody } from '../../common/openapi/api-responses';
import { RETRY_AFTER_SECONDS } from '../../database/database-availability';

/** For load balancers and the dashboard: 200 when the database answers, 503 when it does not. */
@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether the api and its database answer' })
  @ApiBody('HealthResponse')
  // The dashboard shows the report whatever the status, so the 503 carries it too.
  @ApiBody('HealthResponse', 503, 'The database does not answer')
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      response.status(503).setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'error', database: 'down' };
    }
  }
}
