import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { AssurancePolicy, Permission } from '@keydesk/domain';

import { RequirePermission, SignedIn } from '../../common/access/access.decorator';
import { RequireStepUp } from '../../common/access/step-up';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { ApiBody } from '../../common/openapi/api-responses';
import { AssurancePolicyService } from './assurance-policy.service';
import { AssurancePolicyDto } from './dto/assurance-policy.dto';

/** Settings → Caller verification policy. */
@ApiTags('settings')
@Controller('api/settings/assurance')
export class AssuranceSettingsController {
  constructor(private readonly policy: AssurancePolicyService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Which actions need a verified caller (agents see it, so their dialogs can say so)' })
  @ApiBody('AssurancePolicy')
  get(): Promise<AssurancePolicy> {
    return this.policy.get();
  }

  @Put()
  @RequireStepUp()
  @RequirePermission(Permission.SettingsManage)
  @ApiOperation({ summary: 'Changes which actions need a verified caller; the change is an activity-log entry' })
  @ApiBody('AssurancePolicy', 200, 'The policy as saved')
  put(@Body() dto: AssurancePolicyDto, @Ctx() context: RequestContext): Promise<AssurancePolicy> {
    return this.policy.put(dto, context);
  }
}
