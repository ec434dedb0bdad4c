export * from './ldap.service';
export * from './oidc.service';
export * from './sso-users.service';
export * from './sso.controller';
export * from './sso.dto';
