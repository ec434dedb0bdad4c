import type { MailPreview, MailTemplateSummary } from '@sigap/contracts';
import { describeOnBothDatabases } from '../testing/test-app';
import { MAIL_TEMPLATE_NAMES } from '@sigap/api-mail';

describeOnBothDatabases('mail template previews', (ctx) => {
  const admin = () => ctx().token('admin@sigap.local');

  it('lists every template with its descriptions', async () => {
    const response = await ctx().request<MailTemplateSummary[]>('GET', '/api/v1/mail/templates', {
      token: await admin(),
    });
    expect(response.status).toBe(200);
    expect(response.body.map((t) => t.name)).toEqual([...MAIL_TEMPLATE_NAMES]);
    const received = response.body.find((t) => t.name === 'ticket-received');
    expect(received?.description.id).toContain('pemohon');
    expect(received?.description.en).toContain('requester');
  });

  it('renders a preview in Indonesian by default and in English on request', async () => {
    const id = await ctx().request<MailPreview>(
      'GET',
      '/api/v1/mail/templates/sla-breached/preview',
      { token: await admin() },
    );
    expect(id.status).toBe(200);
    expect(id.body.locale).toBe('id');
    expect(id.body.subject).toBe('Tenggat terlampaui: tiket BALI-2026-000042');
    expect(id.body.text).toContain('WITA');
    expect(id.body.text).toMatch(/\[ref:BALI-2026-000042:[0-9a-f]{16}\]/);
    expect(id.body.html).toContain('<!DOCTYPE html>');
    const en = await ctx().request<MailPreview>(
      'GET',
      '/api/v1/mail/templates/password-reset/preview?locale=en',
      { token: await admin() },
    );
    expect(en.status).toBe(200);
    expect(en.body.subject).toBe('Reset your Sigap password');
    expect(en.body.text).toContain('valid for 1 hour');
  });

  it('answers problems for an unknown template or language', async () => {
    const missing = await ctx().request('GET', '/api/v1/mail/templates/tidak-ada/preview', {
      token: await admin(),
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('mail.template_not_found');
    const locale = await ctx().request(
      'GET',
      '/api/v1/mail/templates/agent-reply/preview?locale=fr',
      {
        token: await admin(),
      },
    );
    expect(locale.status).toBe(400);
    expect(JSON.stringify(locale.body)).toContain('locale');
  });

  it('is for admins only', async () => {
    const agent = await ctx().request('GET', '/api/v1/mail/templates', {
      token: await ctx().token('tim-spbe.bali@sigap.local'),
    });
    expect(agent.status).toBe(403);
    expect((await ctx().request('GET', '/api/v1/mail/templates')).status).toBe(401);
  });
});
