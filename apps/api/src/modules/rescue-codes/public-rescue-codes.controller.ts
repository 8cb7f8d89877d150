import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { ErrorCode, RescueCodeRedeemResponse, RescueCodeRequestResponse } from '@keydesk/domain';

import { Public } from '../../common/access/access.decorator';
import { Ctx, RequestContext } from '../../common/http/request-context';
import { translate } from '../../common/i18n/translate';
import { ApiBody, ApiErrors } from '../../common/openapi/api-responses';
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
    description: '429 when a limit per IP or per account was reached; Retry-After says when to try again.',
  })
  @ApiBody('RescueCodeRequestResponse', 202, 'Asked; a code went out if the names matched an account')
  @ApiErrors(ErrorCode.TooManyRequests)
  async request(@Body() dto: RequestRescueCodeDto, @Ctx() context: RequestContext): Promise<RescueCodeRequestResponse> {
    await this.requests.request(dto, context);
    return { message: translate(context.locale, 'rescue.requested', { minutes: this.requests.validMinutes }) };
  }

  @Post('redeem')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'With a valid code, mails a new temporary password (or sets the one given, when customers choose it)',
    description:
      'RESCUE_CODE_INVALID for every failed redemption, with one body; for a user with a second factor, ' +
      'VALIDATION_FAILED without `password` or `secondFactor`, and SECOND_FACTOR_INVALID when the code was right ' +
      'and the second proof was not. 429 after too many failed redemptions for the account or from the IP in the hour.',
  })
  @ApiBody('RescueCodeRedeemResponse')
  // PASSWORD_REJECTED for a password the customer chose; SERVICE_BUSY when too many hashes wait.
  @ApiErrors(
    ErrorCode.RescueCodeInvalid,
    ErrorCode.SecondFactorInvalid,
    ErrorCode.TooManyRequests,
    ErrorCode.PasswordRejected,
    ErrorCode.ServiceBusy,
  )
  async redeem(@Body() dto: RedeemRescueCodeDto, @Ctx() context: RequestContext): Promise<RescueCodeRedeemResponse> {
    const outcome = await this.redemptions.redeem(dto, context);
    return { outcome, message: translate(context.locale, `rescue.redeemed.${outcome}`) };
  }
}
