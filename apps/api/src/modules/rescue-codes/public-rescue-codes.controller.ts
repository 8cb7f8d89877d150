import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { RescueCodeRedeemResponse, RescueCodeRequestResponse } from '@keydesk/domain';

import { Public } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { translate } from '../../common/i18n/translate';
import { RedeemRescueCodeDto } from './dto/redeem-rescue-code.dto';
import { RequestRescueCodeDto } from './dto/request-rescue-code.dto';
import { RescueCodeRedemptionService } from './rescue-code-redemption.service';
import { RescueCodeRequestService } from './rescue-code-request.service';

/** The XPD procedure as JSON for integrators: no session and no CSRF token, the same answers and limits as the pages. */
@ApiTags('rescue codes')
@Controller('api/public/rescue-codes')
export class PublicRescueCodesController {
  constructor(
    private readonly requests: RescueCodeRequestService,
    private readonly redemptions: RescueCodeRedemptionService,
  ) {}

  @Post()
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary:
      'Mails a rescue code to the registered addresses of a client key + user name; the same 202 whether or not they match',
  })
  @ApiResponse({
    status: 429,
    description: 'A limit per IP or per account was reached; Retry-After says when to try again.',
  })
  async request(@Body() dto: RequestRescueCodeDto, @Ctx() context: RequestContext): Promise<RescueCodeRequestResponse> {
    await this.requests.request(dto, context);
    return { message: translate(context.locale, 'rescue.requested', { minutes: this.requests.validMinutes }) };
  }

  @Post('redeem')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'With a valid code, mails a new temporary password (or sets the one given, when customers choose it)',
  })
  @ApiResponse({
    status: 400,
    description:
      'RESCUE_CODE_INVALID for every failed redemption, with one body; for a user with a second factor, VALIDATION_FAILED without `password` or `secondFactor`.',
  })
  @ApiResponse({ status: 401, description: 'SECOND_FACTOR_INVALID: the code was right, the second proof was not.' })
  @ApiResponse({ status: 429, description: 'Too many failed redemptions for the account or from the IP in the hour.' })
  async redeem(@Body() dto: RedeemRescueCodeDto, @Ctx() context: RequestContext): Promise<RescueCodeRedeemResponse> {
    const outcome = await this.redemptions.redeem(dto, context);
    return { outcome, message: translate(context.locale, `rescue.redeemed.${outcome}`) };
  }
}
