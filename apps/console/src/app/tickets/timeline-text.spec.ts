import type { TicketDetail } from '@sigap/contracts';
import { en } from '../i18n/en';
import { interpolate } from '../i18n/i18n.service';
import { id, type MessageKey } from '../i18n/id';
import { EVENT_KEYS, describeEvent } from './timeline-text';

const tId = (key: MessageKey, params?: Record<string, string | number>) =>
  interpolate(id[key], params);
const tEn = (key: MessageKey, params?: Record<string, string | number>) =>
  interpolate(en[key], params);

const TICKET = {
  checklist: [{ code: 'surat', text: 'Surat permohonan dari OPD' }],
  steps: [{ order: 2, assignee: { id: 'u-7', name: 'Kasi Aplikasi' } }],
} as unknown as TicketDetail;

const describe_ = (event: string, data: Record<string, unknown> | null, t = tId) =>
  describeEvent({ event, data }, TICKET, t);

describe('describeEvent', () => {
  it('has a sentence in both languages for every known event code', () => {
    for (const key of Object.values(EVENT_KEYS)) {
      expect(id[key]).withContext(key).toBeTruthy();
      expect(en[key]).withContext(key).toBeTruthy();
    }
  });

  it('names SP4N-LAPOR! reports and their news', () => {
    expect(
      describe_('lapor.received', { trackingId: 'LPR0000000042', status: 'Didisposisikan' }),
    ).toBe('Laporan SP4N-LAPOR! LPR0000000042 diterima');
    expect(describe_('lapor.update', { status: 'Selesai' }, tEn)).toBe(
      'News from SP4N-LAPOR!: Selesai',
    );
    expect(describe_('lapor.closed_no_reply', { workingDays: 10 })).toContain('10 hari kerja');
  });

  it('names the requirement, with the rejection reason', () => {
    expect(describe_('checklist.verified', { code: 'surat' })).toBe(
      'Persyaratan diverifikasi: Surat permohonan dari OPD',
    );
    expect(
      describe_('checklist.rejected', { code: 'surat', reason: 'tidak bertanda tangan' }),
    ).toBe('Persyaratan ditolak: Surat permohonan dari OPD — tidak bertanda tangan');
    // A requirement the ticket does not list is named by its code.
    expect(describe_('checklist.received', { code: 'lain' })).toBe('Persyaratan diterima: lain');
  });

  it('translates status changes with the status labels', () => {
    expect(describe_('ticket.status_changed', { from: 'new', to: 'in-progress' })).toBe(
      'Status berubah dari Baru menjadi Dikerjakan',
    );
    expect(describe_('ticket.status_changed', { from: 'new', to: 'waiting' }, tEn)).toBe(
      'Status changed from New to Waiting on requester',
    );
  });

  it('reads step numbers from order, orders and steps[], and marks automatic completion', () => {
    expect(describe_('step.completed', { orders: [1], auto: true })).toBe(
      'Langkah 1 selesai (otomatis)',
    );
    expect(describe_('step.activated', { steps: [{ order: 2 }, { order: 3 }] })).toBe(
      'Langkah 2, 3 dimulai',
    );
    expect(describe_('step.assigned', { order: 2, from: null, to: 'u-7' })).toBe(
      'Pelaksana langkah 2 diganti: Kasi Aplikasi',
    );
    expect(describe_('step.assigned', { order: 2, to: 'u-unknown' }, tEn)).toBe(
      'Step 2 reassigned to another user',
    );
  });

  it('describes SLA alerts and escalation', () => {
    expect(describe_('sla.step_breached', { step: 3, escalatedTo: 'kabid-aptika' })).toBe(
      'Langkah 3 melewati batas waktunya; dieskalasi ke kabid-aptika',
    );
    expect(describe_('sla.at_risk', { clock: 'ticket' }, tEn)).toBe(
      'Ticket close to its service time limit',
    );
    expect(describe_('sla.clock_started', { duration: '7 Hari' })).toBe(
      'Jam layanan mulai berjalan (7 Hari)',
    );
  });

  it('shows an unknown code as written and survives missing data', () => {
    expect(describe_('ticket.teleported', { into: 'X' })).toBe('ticket.teleported');
    expect(describe_('ticket.cancelled', null)).toBe('Tiket dibatalkan');
    expect(describeEvent({ event: 'ticket.opened', data: { service: 'SP-01' } }, null, tId)).toBe(
      'Tiket dibuka untuk layanan SP-01',
    );
  });

  it('names the service of an opened ticket by its name when it is known', () => {
    const names = (code: string) =>
      code === 'pengembangan-aplikasi' ? 'Pengembangan Aplikasi' : code;
    expect(
      describeEvent(
        { event: 'ticket.opened', data: { service: 'pengembangan-aplikasi' } },
        null,
        tId,
        names,
      ),
    ).toBe('Tiket dibuka untuk layanan Pengembangan Aplikasi');
  });

  it('names the sender of mail held from a third party, without its threading reason', () => {
    const data = { from: 'penyerang@evil.example', reason: 'not-participant', inboundId: 'x' };
    expect(describe_('mail.third-party', data)).toBe(
      'E-mail dari penyerang@evil.example ditahan: pengirim bukan peserta tiket',
    );
    expect(describe_('mail.third-party', data, tEn)).toBe(
      'E-mail from penyerang@evil.example held: the sender is not on the ticket',
    );
    expect(describe_('mail.third-party-dismissed', { inboundId: 'x' })).toBe(
      'E-mail pihak ketiga diabaikan',
    );
  });
});
