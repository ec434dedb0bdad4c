import {
  newSurveyId,
  signSurveyToken,
  surveyTokenId,
  surveyTokenMatches,
  type SurveyTokenClaims,
} from './survey-token';

describe('survey link token', () => {
  const secret = 'a-survey-secret-of-enough-length';
  const claims: SurveyTokenClaims = {
    id: newSurveyId(),
    ticketId: '1d7c2c1e-0d6b-4e43-9a59-000000000001',
    expiresAt: new Date('2026-06-01T00:00:00.000Z'),
  };

  it('verifies its own signature and carries the id', () => {
    const token = signSurveyToken(secret, claims);
    expect(surveyTokenId(token)).toBe(claims.id);
    expect(surveyTokenMatches(secret, token, claims)).toBeTrue();
  });

  it('is bound to the ticket, the expiry and the key', () => {
    const token = signSurveyToken(secret, claims);
    expect(
      surveyTokenMatches(secret, token, { ...claims, ticketId: 'another-ticket' }),
    ).toBeFalse();
    const later = new Date(claims.expiresAt.getTime() + 1);
    expect(surveyTokenMatches(secret, token, { ...claims, expiresAt: later })).toBeFalse();
    expect(surveyTokenMatches('another-secret-of-enough-length', token, claims)).toBeFalse();
  });

  it('rejects a changed signature and malformed tokens', () => {
    const token = signSurveyToken(secret, claims);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = token.slice(0, -2) + last + token.slice(-1);
    expect(surveyTokenMatches(secret, tampered, claims)).toBeFalse();
    // Every other spelling of the last character, including ones that decode to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const c of alphabet) {
      if (c === token.at(-1)) continue;
      expect(surveyTokenMatches(secret, token.slice(0, -1) + c, claims)).toBeFalse();
    }
    expect(surveyTokenId('not-a-token')).toBeNull();
    expect(surveyTokenId(`${claims.id}.short`)).toBeNull();
    expect(surveyTokenMatches(secret, `${claims.id}.short`, claims)).toBeFalse();
  });

  it('makes a different id each time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newSurveyId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
