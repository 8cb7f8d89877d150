import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Passport } from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from '../../common/errors/domain-error';
import { requestContextOf } from '../../common/http/request-context';
import { AuthService, SignInResult } from './auth.service';

/**
 * This app's own Passport with passport-local, which checks the name and password of a sign-in
 * (AuthService does the work and starts the session). Not the global passport singleton, whose
 * strategies would be shared by every app built in the process (the e2e suites build several),
 * and no passport session: the app reads its sessions itself (StaffSessionMiddleware).
 */
@Injectable()
export class StaffAuthenticator {
  private readonly passport = new Passport();

  constructor(auth: AuthService) {
    this.passport.use(
      'local',
      new LocalStrategy(
        { usernameField: 'username', passwordField: 'password', passReqToCallback: true },
        (request, username, password, done) => {
          auth
            .signIn(username, password, requestContextOf(request), request.staffSession?.idHash)
            // passport types what verify hands over as Express.User; it only passes it to authenticate's callback.
            .then((signedIn) => done(null, signedIn as unknown as Express.User), done);
        },
      ),
    );
  }

  /** Checks the credentials in the body and starts a session; rejects with the sign-in service's DomainError. */
  authenticate(request: Request, response: Response): Promise<SignInResult> {
    return new Promise((resolve, reject) => {
      const handler = this.passport.authenticate(
        'local',
        { session: false },
        (error: unknown, signedIn: SignInResult | false) => {
          if (error) reject(error);
          else if (!signedIn) reject(new DomainError(ErrorCode.InvalidCredentials));
          else resolve(signedIn);
        },
      );
      handler(request, response, reject);
    });
  }
}
