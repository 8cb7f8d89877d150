import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';

import { SessionStaff } from '@keydesk/domain';

import { requestContextOf } from '../../common/http/request-context';
import { AuthService } from './auth.service';

/** passport-local: user name (or email) and password from the JSON body. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, username: string, password: string): Promise<SessionStaff> {
    return this.auth.signIn(username, password, requestContextOf(request));
  }
}
