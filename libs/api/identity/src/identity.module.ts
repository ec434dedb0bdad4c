import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@sigap/api-config';
import { SharedRateLimiter } from '@sigap/api-common';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DemoUsersService } from './demo-users.service';
import { resolveJwtSecret } from './jwt-secret';
import { PasswordHasher } from './password';
import { PasswordResetService } from './password-reset.service';
import { UserAdminService } from './user-admin.service';
import {
  PasswordResetController,
  PositionHoldersController,
  UsersAdminController,
} from './users-admin.controller';
import { UsersService } from './users.service';
import { LdapService } from './sso/ldap.service';
import { OidcService } from './sso/oidc.service';
import { SsoController } from './sso/sso.controller';
import { SsoUsersService } from './sso/sso-users.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: resolveJwtSecret(config),
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtExpiresInSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [
    AuthController,
    SsoController,
    ApiTokensController,
    UsersAdminController,
    PositionHoldersController,
    PasswordResetController,
  ],
  providers: [
    AuthService,
    ApiTokensService,
    UsersService,
    DemoUsersService,
    UserAdminService,
    PasswordResetService,
    PasswordHasher,
    SharedRateLimiter,
    SsoUsersService,
    OidcService,
    LdapService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, AuthService, ApiTokensService, DemoUsersService, PasswordHasher],
})
export class IdentityModule {}
