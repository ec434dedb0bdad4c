import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, type OidcSettings } from '@sigap/api-config';
import * as oidc from 'openid-client';
import { IdentityError } from '../identity-error';
import { resolveJwtSecret } from '../jwt-secret';
import type { UserEntity } from '../user.entity';
import { SsoUsersService } from './sso-users.service';

/** The cookie that carries a started sign-in's state, nonce and PKCE verifier to the callback. */
export const OIDC_COOKIE = 'sigap_oidc';
export const OIDC_PATH = '/api/v1/auth/oidc';
/** How long the user has at the provider before the started sign-in expires. */
const STARTED_TTL_MS = 10 * 60_000;

interface StartedSignIn {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

const failed = (message: string) => new IdentityError('auth.sso_failed', message);

/**
 * OpenID Connect relying party: authorization code flow with PKCE (S256), state and nonce, the
 * ID token's signature checked against the provider's keys. The provider is discovered from
 * `SIGAP_OIDC_ISSUER` at the first sign-in (and again after a failure).
 */
@Injectable()
export class OidcService {
  private readonly log = new Logger('OIDC');
  private readonly key: Buffer;
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly users: SsoUsersService,
  ) {
    this.key = createHmac('sha256', resolveJwtSecret(config)).update('sigap-oidc-state').digest();
  }

  get settings(): OidcSettings {
    const settings = this.config.sso.oidc;
    if (!settings) {
      throw new IdentityError(
        'auth.sso_not_configured',
        'Masuk dengan OpenID Connect tidak diatur di instalasi ini (SIGAP_OIDC_ISSUER).',
      );
    }
    return settings;
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}${OIDC_PATH}/callback`;
  }

  /** Where to send the browser, and the sealed cookie value the callback needs. */
  async start(): Promise<{ url: string; cookie: string }> {
    const settings = this.settings;
    const provider = await this.provider();
    const started: StartedSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      expiresAt: Date.now() + STARTED_TTL_MS,
    };
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: this.redirectUri,
      scope: settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(started.verifier),
      code_challenge_method: 'S256',
      state: started.state,
      nonce: started.nonce,
    });
    return { url: url.href, cookie: this.seal(started) };
  }

  /**
   * Finishes the sign-in the provider sent back: the state must be the one this browser started
   * with, the code is redeemed with the PKCE verifier, the ID token must carry the nonce and a
   * valid signature. Gives the Sigap user (created on the first sign-in).
   */
  async finish(query: Record<string, unknown>, cookie: string | undefined): Promise<UserEntity> {
    const settings = this.settings;
    if (typeof query['error'] === 'string') {
      const description =
        typeof query['error_description'] === 'string' ? `: ${query['error_description']}` : '';
      throw failed(
        `Penyedia identitas menolak permintaan masuk (${query['error']}${description}).`,
      );
    }
    const started = cookie ? this.unseal(cookie) : null;
    if (!started) {
      throw failed(
        'Permintaan masuk ini tidak dimulai dari peramban ini atau sudah kedaluwarsa. Silakan mulai lagi dari halaman masuk.',
      );
    }
    if (typeof query['state'] !== 'string' || query['state'] !== started.state) {
      throw failed('Parameter state tidak cocok: permintaan masuk ditolak. Silakan mulai lagi.');
    }
    const provider = await this.provider();
    const callback = new URL(this.redirectUri);
    for (const [name, value] of Object.entries(query)) {
      if (typeof value === 'string') callback.searchParams.set(name, value);
    }
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(provider, callback, {
        pkceCodeVerifier: started.verifier,
        expectedState: started.state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      // The reason is logged (never the tokens); the browser gets a plain refusal.
      this.log.warn(`sign-in refused: ${describe(error)}`);
      throw failed(
        'Tanggapan penyedia identitas tidak dapat diverifikasi (kode, nonce, atau tanda tangan token tidak sah). Silakan mulai lagi.',
      );
    }
    const claims = tokens.claims();
    if (!claims?.sub) throw failed('Token identitas tidak memuat subjek (sub).');
    let info: Record<string, unknown> = {};
    try {
      info = await oidc.fetchUserInfo(provider, tokens.access_token, claims.sub);
    } catch (error) {
      this.log.warn(`userinfo unavailable: ${describe(error)}`);
    }
    const merged: Record<string, unknown> = { ...info, ...claims };
    const email = stringClaim(merged['email']);
    if (merged['email_verified'] === false) {
      throw failed('Alamat e-mail akun ini belum diverifikasi oleh penyedia identitas.');
    }
    return this.users.signIn(
      {
        source: 'oidc',
        externalId: `${claims.iss} ${claims.sub}`.slice(0, 500),
        email: email ?? '',
        name: stringClaim(merged['name']) ?? stringClaim(merged['preferred_username']) ?? '',
        groups: listClaim(merged[settings.groupsClaim]),
      },
      settings.roleMap,
    );
  }

  private provider(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const settings = this.settings;
      this.discovered = (async () => {
        const provider = await oidc.discovery(
          new URL(settings.issuer),
          settings.clientId,
          settings.clientSecret,
          undefined,
          settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
        );
        // ID tokens are checked against the provider's published keys even though they come
        // straight from its token endpoint.
        oidc.enableNonRepudiationChecks(provider);
        return provider;
      })();
      this.discovered.catch((error: unknown) => {
        this.log.warn(`discovery of ${settings.issuer} failed: ${describe(error)}`);
        this.discovered = null;
      });
    }
    return this.discovered.catch(() => {
      throw new IdentityError(
        'auth.sso_unavailable',
        'Penyedia identitas (SSO) tidak dapat dihubungi. Coba lagi nanti.',
      );
    });
  }

  /** Encrypts and authenticates the started sign-in (AES-256-GCM): the browser cannot read or alter it. */
  private seal(started: StartedSignIn): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(started), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
  }

  private unseal(value: string): StartedSignIn | null {
    try {
      const [iv, tag, body] = value.split('.').map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      const started = JSON.parse(text) as StartedSignIn;
      return started.expiresAt > Date.now() ? started : null;
    } catch {
      return null;
    }
  }
}

function stringClaim(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** A groups claim as a list: an array of names, or one name. */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

function describe(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string };
  return [e?.name, e?.code, e?.message].filter(Boolean).join(' ').slice(0, 300);
}
