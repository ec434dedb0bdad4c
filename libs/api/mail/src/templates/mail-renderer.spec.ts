import { MAIL_LOCALES } from './helpers';
import { MailRenderer, MailRenderError } from './mail-renderer';
import { TEMPLATE_SAMPLES as SAMPLE_PROPS } from '../delivery/kinds';
import { MAIL_TEMPLATE_NAMES, type MailTemplateInput } from './template-props';

describe('MailRenderer', () => {
  const renderer = new MailRenderer(SAMPLE_PROPS);
  const marker = {
    text: '[ref:BALI-2026-000042:0123abcd]',
    html: '<span style="display:none">[ref:BALI-2026-000042:0123abcd]</span>',
  };
  const options = { locale: 'id' as const, timeZone: 'Asia/Makassar', marker };

  for (const name of MAIL_TEMPLATE_NAMES) {
    for (const locale of MAIL_LOCALES) {
      it(`renders ${name} (${locale}) with subject, HTML and text, the marker in both parts`, () => {
        const input = { template: name, props: SAMPLE_PROPS[name] } as MailTemplateInput;
        const mail = renderer.render(input, { ...options, locale });
        expect(mail.subject).toMatch(/^\S.*\S$/);
        expect(mail.subject).not.toContain('\n');
        expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="(id|en)">/);
        expect(mail.html).toContain(`lang="${locale}"`);
        expect(mail.html).toContain(marker.html);
        expect(mail.text).toContain(marker.text);
        expect(mail.html).not.toMatch(/<(script|style|link|img)\b/i);
        expect(mail.text).not.toMatch(/<[a-z]+[\s>]/i);
        expect(mail.text).not.toMatch(/&(amp|lt|gt|quot|#x?[0-9a-f]+);/i);
      });
    }
  }

  it('speaks Indonesian by default wording and English on request, in the office zone', () => {
    const input: MailTemplateInput = {
      template: 'step-assigned',
      props: SAMPLE_PROPS['step-assigned'],
    };
    const id = renderer.render(input, options);
    expect(id.subject).toBe('Tugas langkah 4: Verifikasi kelengkapan dokumen permohonan');
    expect(id.text).toContain('Waktu standar: 1–2 jam');
    expect(id.text).toContain('Tenggat: Selasa, 3 Maret 2026 pukul 10.30 WITA');
    const en = renderer.render(input, { ...options, locale: 'en', timeZone: 'Asia/Jakarta' });
    expect(en.subject).toBe('Step 4 assigned: Verifikasi kelengkapan dokumen permohonan');
    expect(en.text).toContain('Due: Tuesday, 3 March 2026 at 09:30 WIB');
  });

  it('lists what is missing and the due date in the acknowledgement', () => {
    const props = { ...SAMPLE_PROPS['ticket-received'], dueAt: '2026-06-01T01:00:00Z' };
    const mail = renderer.render({ template: 'ticket-received', props }, options);
    expect(mail.text).toContain('[x] Kerangka Acuan Kerja (KAK)');
    expect(mail.text).toContain('[ ] Analisis biaya dan manfaat');
    expect(mail.text).toContain('- Dokumen proses bisnis (BPMN)');
    expect(mail.text).toContain('Target penyelesaian: Senin, 1 Juni 2026 pukul 09.00 WITA.');
    const complete = renderer.render(
      { template: 'ticket-received', props: { ...props, missing: [] } },
      options,
    );
    expect(complete.text).not.toContain('Mohon lengkapi');
  });

  it('escapes a hostile ticket subject in HTML and keeps it plain in text and subject', () => {
    const hostile = `<script>alert("x")</script> & 'Dinas'`;
    const props = {
      ...SAMPLE_PROPS['agent-reply'],
      ticket: { ...SAMPLE_PROPS['agent-reply'].ticket, subject: hostile },
      message: 'Baris <b>satu</b>\nbaris dua',
    };
    const mail = renderer.render({ template: 'agent-reply', props }, options);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Dinas&#x27;',
    );
    expect(mail.html).toContain('Baris &lt;b&gt;satu&lt;/b&gt;<br>\nbaris dua');
    expect(mail.text).toContain(`Perihal     : ${hostile}`);
    expect(mail.text).toContain('Baris <b>satu</b>\nbaris dua');
    expect(mail.subject).toBe(hostile);
  });

  it('tells staff what a requester reply did, quoting it shortened and escaped', () => {
    const base = SAMPLE_PROPS['requester-replied'];
    const render = (props: Partial<typeof base>, locale: 'id' | 'en' = 'id') =>
      renderer.render(
        { template: 'requester-replied', props: { ...base, ...props } },
        { ...options, locale },
      );
    const answered = render({ effect: 'answered' });
    expect(answered.subject).toBe(`Balasan pemohon: ${base.ticket.subject}`);
    expect(answered.text).toContain(`Yth. ${base.recipientName},`);
    expect(answered.text).toContain(`${base.requesterName} (${base.requesterEmail})`);
    expect(answered.text).toContain('jam layanan berjalan kembali');
    expect(answered.text).not.toContain('dibuka kembali');
    expect(answered.text).toContain('Lampiran: 1 berkas');

    const reopened = render({ effect: 'reopened', attachmentCount: 0 }, 'en');
    expect(reopened.subject).toBe(`Requester replied: ${base.ticket.subject}`);
    expect(reopened.html).toContain('<strong>reopened</strong>');
    expect(reopened.text).not.toContain('clock runs again');
    expect(reopened.text).not.toContain('Attachments:');

    const plain = render({ effect: 'appended', requesterEmail: null });
    expect(plain.text).not.toContain('jam layanan');
    expect(plain.text).not.toContain('()');

    const long = render({ message: `<script>x</script> ${'kata '.repeat(600)}` });
    expect(long.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(long.html).not.toContain('<script>');
    expect(long.text).toContain('<script>x</script>');
    expect(long.text).toContain('…');
    expect(long.text.length).toBeLessThan(2500);
  });

  it('addresses the supervisor only when the alert goes to the position above', () => {
    const props = SAMPLE_PROPS['sla-at-risk'];
    const boss = renderer.render({ template: 'sla-at-risk', props }, options);
    expect(boss.text).toContain('sebagai atasan dari I Gede Wirawan');
    const own = renderer.render(
      { template: 'sla-at-risk', props: { ...props, audience: 'assignee' } },
      options,
    );
    expect(own.text).not.toContain('atasan');
    expect(own.text).toContain('Sisa waktu untuk langkah 4.');
  });

  describe('words each SLA alert for its actual audience', () => {
    type Audience = (typeof SAMPLE_PROPS)['sla-at-risk']['audience'];
    const render = (
      template: 'sla-at-risk' | 'sla-breached',
      audience: Audience,
      withStep: boolean,
      locale: 'id' | 'en' = 'id',
    ) => {
      const step = withStep ? SAMPLE_PROPS['sla-at-risk'].step : null;
      const input = {
        template,
        props: { ...SAMPLE_PROPS[template], audience, step },
      } as MailTemplateInput;
      const mail = renderer.render(input, { ...options, locale });
      // The same sentence in the HTML part as in the text part.
      return { text: mail.text, html: mail.html };
    };
    const office = SAMPLE_PROPS['sla-at-risk'].ticket.officeName;
    const cases: ['sla-at-risk' | 'sla-breached', Audience, boolean, string, string][] = [
      [
        'sla-at-risk',
        'assignee',
        true,
        'Pemberitahuan ini dikirim kepada Anda karena langkah ini ditugaskan kepada Anda.',
        'You receive this notice because this step is assigned to you.',
      ],
      [
        'sla-breached',
        'assignee',
        false,
        'Pemberitahuan ini dikirim kepada Anda karena tiket ini ditugaskan kepada Anda.',
        'You receive this notice because this ticket is assigned to you.',
      ],
      [
        'sla-breached',
        'supervisor',
        true,
        'Pemberitahuan ini dikirim kepada Anda sebagai atasan dari I Gede Wirawan (Kepala Bidang Aplikasi Informatika).',
        'You receive this notice as the supervisor of I Gede Wirawan (Kepala Bidang Aplikasi Informatika).',
      ],
      [
        'sla-at-risk',
        'position',
        true,
        'Langkah ini belum ditugaskan kepada seseorang; pemberitahuan ini dikirim kepada Anda sebagai pemegang jabatan Kepala Bidang Aplikasi Informatika.',
        'you receive this notice as a holder of the position Kepala Bidang Aplikasi Informatika.',
      ],
      [
        'sla-at-risk',
        'helpdesk',
        false,
        `Tiket ini belum ditugaskan kepada petugas, sehingga pemberitahuan ini dikirim kepada Anda sebagai petugas helpdesk ${office}: mohon tugaskan atau tangani.`,
        `This ticket is not assigned to an agent yet, so you receive this notice as a helpdesk agent of ${office}: please assign or handle it.`,
      ],
      [
        'sla-at-risk',
        'helpdesk',
        true,
        'Langkah ini belum ditugaskan dan jabatan Kepala Bidang Aplikasi Informatika tidak memiliki pemegang aktif, sehingga pemberitahuan ini dikirim kepada Anda sebagai petugas helpdesk',
        'the position Kepala Bidang Aplikasi Informatika has no active holder, so you receive this notice as a helpdesk agent',
      ],
      [
        'sla-breached',
        'helpdesk',
        true,
        'Tidak ada atasan aktif yang tercatat di atas jabatan Kepala Bidang Aplikasi Informatika, sehingga pemberitahuan ini dikirim kepada Anda sebagai petugas helpdesk',
        'No active supervisor is recorded above the position Kepala Bidang Aplikasi Informatika, so you receive this notice as a helpdesk agent',
      ],
    ];
    for (const [template, audience, withStep, id, en] of cases) {
      it(`${template} to ${audience} (${withStep ? 'step' : 'ticket'})`, () => {
        const inId = render(template, audience, withStep);
        expect(inId.text).toContain(id);
        expect(inId.html).toContain(id.split(' (')[0].replace(/:.*/, ''));
        const inEn = render(template, audience, withStep, 'en');
        expect(inEn.text).toContain(en);
        if (audience !== 'supervisor') {
          expect(inId.text).not.toContain('atasan dari');
          expect(inEn.text).not.toContain('supervisor of');
        }
        if (audience !== 'helpdesk') expect(inId.text).not.toContain('petugas helpdesk');
      });
    }
  });

  it('gives the first-response alerts their own words, not the ticket deadline', () => {
    const atRisk = SAMPLE_PROPS['first-response-at-risk'];
    const risk = renderer.render({ template: 'first-response-at-risk', props: atRisk }, options);
    expect(risk.subject).toBe(`Pemohon menunggu tanggapan pertama: ${atRisk.ticket.subject}`);
    expect(risk.text).toContain(
      'Permohonan dari Ni Made Ayu Lestari yang diterima Senin, 2 Maret 2026 pukul 09.15 WITA belum dibalas.',
    );
    expect(risk.text).toContain('Batas tanggapan pertama: Senin, 2 Maret 2026 pukul 13.15 WITA');
    expect(risk.text).toContain('balasan kepada pemohon');
    expect(risk.text).toContain('sebagai petugas helpdesk');
    expect(risk.html).toContain('<strong>Ni Made Ayu Lestari</strong>');
    expect(risk.text).not.toMatch(/Tenggat|Sisa waktu untuk|atasan/);

    const late = SAMPLE_PROPS['first-response-breached'];
    const breached = renderer.render(
      { template: 'first-response-breached', props: late },
      { ...options, locale: 'en' },
    );
    expect(breached.subject).toBe(`First response overdue: ${late.ticket.subject}`);
    expect(breached.text).toContain('Please reply to the requester now.');
    expect(breached.text).toContain('because this ticket is assigned to you');
    expect(breached.text).not.toContain('helpdesk agent');
    const ticketClock = renderer.render(
      { template: 'sla-breached', props: SAMPLE_PROPS['sla-breached'] },
      { ...options, locale: 'en' },
    );
    expect(breached.subject).not.toBe(ticketClock.subject);
    expect(breached.text).not.toContain('passed its due time');
  });

  it('names the template and the problem when props are missing', () => {
    const broken = {
      template: 'password-reset',
      props: { resetUrl: 'https://a.example/r', expiresInMinutes: 60 },
    } as unknown as MailTemplateInput;
    expect(() => renderer.render(broken, options)).toThrowMatching(
      (e) =>
        e instanceof MailRenderError &&
        /"password-reset" \(id\) gagal dirender: .*"name"/.test(e.message),
    );
    expect(() =>
      renderer.render({ template: 'nope' } as unknown as MailTemplateInput, options),
    ).toThrowError(MailRenderError, /tidak dikenal/);
  });

  it('lists every template with descriptions in both languages', () => {
    const list = renderer.list();
    expect(list.map((t) => t.name)).toEqual([...MAIL_TEMPLATE_NAMES]);
    for (const t of list) expect(t.description.id && t.description.en).toBeTruthy();
  });
});
