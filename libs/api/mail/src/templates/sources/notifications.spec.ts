import { TEMPLATE_SAMPLES } from '../../delivery/kinds';
import { MailRenderer } from '../mail-renderer';

describe('notification mails', () => {
  const renderer = new MailRenderer(TEMPLATE_SAMPLES);
  const marker = { text: '[ref:BALI-2026-000042:0123abcd]', html: '<span>[ref]</span>' };
  const sample = TEMPLATE_SAMPLES['notification'];

  it('says who mentioned whom, with the note, in Indonesian and English', () => {
    const id = renderer.render(
      { template: 'notification', props: sample },
      { locale: 'id', timeZone: 'Asia/Makassar', marker },
    );
    expect(id.subject).toBe('Notifikasi: Permohonan pembangunan aplikasi SIMPEG');
    expect(id.text).toContain(
      'Ni Luh Putu Sari menyebut Anda dalam catatan internal tiket BALI-2026-000042.',
    );
    expect(id.text).toContain('@kasi-ai.bali mohon cek KAK');
    const en = renderer.render(
      { template: 'notification', props: sample },
      { locale: 'en', timeZone: 'Asia/Makassar', marker },
    );
    expect(en.text).toContain(
      'Ni Luh Putu Sari mentioned you in an internal note on ticket BALI-2026-000042.',
    );
  });

  it('words each kind, with the step where there is one', () => {
    const text = (kind: typeof sample.kind, step: number | null) =>
      renderer.render(
        {
          template: 'notification',
          props: { ...sample, kind, step, actorName: null, words: null },
        },
        { locale: 'id', timeZone: 'Asia/Makassar', marker },
      ).text;
    expect(text('assigned', 4)).toContain(
      'Langkah 4 tiket BALI-2026-000042 ditugaskan kepada Anda.',
    );
    expect(text('assigned', null)).toContain('Tiket BALI-2026-000042 ditugaskan kepada Anda.');
    expect(text('step_at_risk', 4)).toContain(
      'Tenggat langkah 4 tiket BALI-2026-000042 hampir habis.',
    );
    expect(text('step_breached', 4)).toContain(
      'Langkah 4 tiket BALI-2026-000042 melewati tenggat.',
    );
    expect(text('requester_replied', null)).toContain('Pemohon membalas tiket BALI-2026-000042');
  });

  it('lists the digest items with their tickets and links, office time', () => {
    const mail = renderer.render(
      { template: 'notification-digest', props: TEMPLATE_SAMPLES['notification-digest'] },
      { locale: 'id', timeZone: 'Asia/Makassar', marker: null },
    );
    expect(mail.subject).toBe('Ringkasan notifikasi 2026-03-10: 2 belum dibaca');
    expect(mail.text).toContain(
      '- Tenggat langkah hampir habis (langkah 4): BALI-2026-000042 Permohonan pembangunan aplikasi SIMPEG https://sigap.example.go.id/tiket/BALI-2026-000042',
    );
    expect(mail.text).toContain('- Anda disebut dalam catatan: BALI-2026-000051');
    expect(mail.html).toContain('WITA');
    expect(mail.text).not.toContain('lainnya di lonceng');
  });
});
