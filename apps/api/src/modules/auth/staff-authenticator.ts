import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';

import { ErrorCode, SessionStaff } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { requestContextOf } from '../../common/http/request-context';
import { AuthService } from './auth.service';
import { SessionSerializer } from './session.serializer';

/**
 * This app's own Passport: passport-local for staff sign-in and the session serializer. Not the
 * global passport singleton, whose strategies and serializers would be shared by every app built
 * in the process (the e2e suites build several).
 */
@Injectable()
export class StaffAuthenticator {
  readonly passport = new Passport();

  constructor(auth: AuthService, serializer: SessionSerializer) {
    this.passport.use(
      'local',
      new LocalStrategy(
        { usernameField: 'username', passwordField: 'password', passReqToCallback: true },
        (request, username, password, done) => {
          auth.signIn(username, password, requestContextOf(request)).then((staff) => done(null, staff), done);
        },
      ),
    );
    this.passport.serializeUser(serializer.serializeUser.bind(serializer));
    this.passport.deserializeUser(serializer.deserializeUser.bind(serializer));
  }

  /** Checks the credentials in the body; rejects with the sign-in service's DomainError. */
  authenticate(request: Request, response: Response): Promise<SessionStaff> {
    return new Promise((resolve, reject) => {
      const handler = this.passport.authenticate(
        'local',
        { session: false },
        (error: unknown, user: SessionStaff | false) => {
          if (error) reject(error);
          else if (!user) reject(new DomainError(ErrorCode.InvalidCredentials));
          else resolve(user);
        },
      );
      handler(request, response, reject);
    });
  }

  /** Starts the session under a new id (passport regenerates it: no session fixation). */
  logIn(request: Request, staff: SessionStaff): Promise<void> {
    return new Promise((resolve, reject) => request.logIn(staff, (error) => (error ? reject(error) : resolve())));
  }
}
