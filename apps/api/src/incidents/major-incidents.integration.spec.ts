import type { IncidentView, TicketDetail } from '@sigap/contracts';
import { DataSource, In } from 'typeorm';
import { AuditEntryEntity } from '@sigap/api-audit';
import { OutboxWorker } from '@sigap/api-mail';
import { OutboxEntity } from '@sigap/api-outbox';
import { TicketEntity, TimelineEntryEntity } from '@sigap/api-tickets';
import { DATABASES, type TestApp } from '../testing/test-app';
import { appWithRecordingSmtp, type RecordingSmtp } from '../mail/delivery/testing/recording-smtp';

const report = (n: number, email: string, extra: Record<string, unknown> = {}) => ({
  office: 'bali',
  services: [],
  impact: 'sedang',
  urgency: 'sedang',
  channel: 'phone',
  subject: `Website OPD ${n} tidak dapat dibuka`,
  description: 'Halaman menampilkan galat 502 sejak pagi.',
  requester: { name: `Pelapor ${n}`, email },
  ...extra,
});

for (const kind of DATABASES) {
  describe(`major incidents: linked reports, one update to every reporter, resolved together [${kind}]`, () => {
    let app: TestApp;
    let smtp: RecordingSmtp;
    let ds: DataSource;
    let agent: string;
    let otherAgent: string;
    let manager: string;

    const running = appWithRecordingSmtp(kind, { SIGAP_SLA_SWEEP_SECONDS: '0' });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read loosely typed bodies
    const req = <T = any>(method: string, path: string, body?: unknown, token = agent) =>
      app.request<T>(method, path, { token, body });
    const open = async (body: unknown): Promise<TicketDetail> => {
      const r = await req<TicketDetail>('POST', '/api/v1/incidents', body);
      expect(r.status).withContext(r.text).toBe(201);
      return r.body;
    };
    const version = async (number: string) =>
      (await ds.getRepository(TicketEntity).findOneByOrFail({ number })).version;
    const idsOf = async (tickets: TicketDetail[]) =>
      (
        await ds.getRepository(TicketEntity).find({
          where: { number: In(tickets.map((t) => t.number)) },
          order: { number: 'ASC' },
        })
      ).map((t) => t.id);
    const view = async (number: string, token = agent) =>
      req<IncidentView>('GET', `/api/v1/incidents/${number}`, undefined, token);

    beforeAll(async () => {
      ({ app, smtp } = running);
      ds = app.app.get(DataSource);
      agent = await app.token('helpdesk.bali@sigap.local');
      otherAgent = await app.token('helpdesk.riau@sigap.local');
      manager = await app.token('kadis.bali@sigap.local');
    });

    it('links five reports, mails one update once per address, and resolves all five with the parent', async () => {
      const shared = 'operator.kominfo@baliprov.go.id';
      const parent = await open(
        report(0, shared, {
          services: ['pusat-data'],
          impact: 'tinggi',
          urgency: 'tinggi',
          subject: 'Pusat data padam: website OPD tidak dapat diakses',
        }),
      );
      const children: TicketDetail[] = [];
      // The parent's reporter also reported one of the outages: one address, one mail.
      const addresses = [shared, 'a@diskes.baliprov.go.id', 'b@disdik.baliprov.go.id'];
      addresses.push('c@bappeda.baliprov.go.id', 'd@dispar.baliprov.go.id');
      for (const [i, email] of addresses.entries()) children.push(await open(report(i + 1, email)));

      // Links are the helpdesk's: a manager may read but not link.
      const denied = await req(
        'POST',
        `/api/v1/incidents/${parent.number}/children`,
        { children: [children[0].number], expectedVersion: await version(parent.number) },
        manager,
      );
      expect(denied.status).withContext(denied.text).toBe(403);
      // Another office's helpdesk does not even see it.
      const foreign = await req(
        'POST',
        `/api/v1/incidents/${parent.number}/children`,
        { children: [children[0].number], expectedVersion: await version(parent.number) },
        otherAgent,
      );
      expect(foreign.status).withContext(foreign.text).toBe(404);
      expect((await view(parent.number, otherAgent)).status).toBe(404);

      const linked = await req<TicketDetail>(
        'POST',
        `/api/v1/incidents/${parent.number}/children`,
        {
          children: children.map((c) => c.number),
          expectedVersion: await version(parent.number),
        },
      );
      expect(linked.status).withContext(linked.text).toBe(200);
      const parentView = (await view(parent.number)).body;
      expect(parentView.children.map((c) => c.number)).toEqual(children.map((c) => c.number));
      expect(parentView.parent).toBeNull();
      const childView = (await view(children[2].number)).body;
      expect(childView.parent?.number).toBe(parent.number);
      expect(childView.parent?.requesterName).toBe('Pelapor 0');
      // Linking again changes nothing (already there).
      const again = await req('POST', `/api/v1/incidents/${parent.number}/children`, {
        children: [children[0].number],
        expectedVersion: await version(parent.number),
      });
      expect(again.status).withContext(again.text).toBe(200);
      expect((await view(parent.number)).body.children.length).toBe(5);

      // One update: one outbox row per address, on each reporter's own ticket.
      const before = smtp.messages.length;
      const update = await req('POST', `/api/v1/incidents/${parent.number}/updates`, {
        body: 'Genset pusat data sudah menyala; website dipulihkan bertahap.',
        expectedVersion: await version(parent.number),
      });
      expect(update.status).withContext(update.text).toBe(200);
      const rows = await ds.getRepository(OutboxEntity).find({
        where: { kind: 'incident.major-update' },
      });
      const payloads = rows.map((r) => JSON.parse(r.payload) as { ticket: string; parent: string });
      expect(payloads.length).toBe(5);
      expect(payloads.every((p) => p.parent === parent.number)).toBeTrue();
      // The shared address is reached on the parent's ticket (first), not again on its report.
      expect(payloads.map((p) => p.ticket).sort()).toEqual(
        [parent.number, ...children.slice(1).map((c) => c.number)].sort(),
      );
      await app.app.get(OutboxWorker).drain();
      const mailed = smtp.messages
        .slice(before)
        .filter((m) => /Kabar gangguan/.test(m.mail.subject ?? ''));
      const perAddress = new Map<string, number>();
      for (const m of mailed)
        for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
      expect([...perAddress.keys()].sort()).toEqual([...addresses].sort());
      expect([...perAddress.values()].every((n) => n === 1))
        .withContext(JSON.stringify([...perAddress]))
        .toBeTrue();
      const childEntries = await ds.getRepository(TimelineEntryEntity).find({
        where: { ticketId: In(await idsOf(children)), event: 'incident.major_update' },
      });
      expect(childEntries.length).toBe(5);

      // Guards: a child is not a parent, a parent is not a child, no cycle, office only.
      const nested = await req('POST', `/api/v1/incidents/${children[0].number}/children`, {
        children: [children[1].number],
        expectedVersion: await version(children[0].number),
      });
      expect(nested.status).withContext(nested.text).toBe(409);
      const other = await open(report(9, 'e@diskominfo.baliprov.go.id'));
      const cycle = await req('POST', `/api/v1/incidents/${other.number}/children`, {
        children: [parent.number],
        expectedVersion: await version(other.number),
      });
      expect(cycle.status).withContext(cycle.text).toBe(409);
      expect(cycle.body.errors[0].path).toBe('children[0]');
      const self = await req('POST', `/api/v1/incidents/${other.number}/children`, {
        children: [other.number],
        expectedVersion: await version(other.number),
      });
      expect(self.status).withContext(self.text).toBe(409);
      const riau = await req<TicketDetail>(
        'POST',
        '/api/v1/incidents',
        { ...report(8, 'f@riau.go.id'), office: 'riau' },
        otherAgent,
      );
      expect(riau.status).withContext(riau.text).toBe(201);
      const crossOffice = await req('POST', `/api/v1/incidents/${other.number}/children`, {
        children: [riau.body.number],
        expectedVersion: await version(other.number),
      });
      expect(crossOffice.status).withContext(crossOffice.text).toBe(404);
      expect(crossOffice.body.errors[0].path).toBe('children[0]');
      const bad = await req('POST', `/api/v1/incidents/${other.number}/children`, {
        children: ['<script>'],
        expectedVersion: await version(other.number),
      });
      expect(bad.status).withContext(bad.text).toBe(400);

      // Unlink one, then link it back.
      const unlinked = await app.request(
        'DELETE',
        `/api/v1/incidents/${parent.number}/children/${children[4].number}`,
        {
          token: agent,
          headers: { 'If-Match': String(await version(parent.number)) },
        },
      );
      expect(unlinked.status).withContext(unlinked.text).toBe(200);
      expect((await view(children[4].number)).body.parent).toBeNull();
      const relinked = await req('POST', `/api/v1/incidents/${parent.number}/children`, {
        children: [children[4].number],
        expectedVersion: await version(parent.number),
      });
      expect(relinked.status).withContext(relinked.text).toBe(200);

      // Resolving the parent resolves the five, each with a note and a mail to its reporter.
      const p = (await req<TicketDetail>('GET', `/api/v1/tickets/${parent.number}`)).body;
      const step = await req<TicketDetail>(
        'POST',
        `/api/v1/tickets/${parent.number}/steps/1/complete`,
        {
          output: 'UPS diganti, genset diuji.',
          expectedVersion: p.version,
        },
      );
      expect(step.status).withContext(step.text).toBe(200);
      const resolved = await req<TicketDetail>('POST', `/api/v1/tickets/${parent.number}/resolve`, {
        reason: 'Pusat data pulih pukul 11.00 WITA.',
        expectedVersion: step.body.version,
      });
      expect(resolved.status).withContext(resolved.text).toBe(200);
      const rowsAfter = await ds.getRepository(TicketEntity).find({
        where: { number: In(children.map((c) => c.number)) },
      });
      expect(rowsAfter.map((t) => t.status)).toEqual([
        'resolved',
        'resolved',
        'resolved',
        'resolved',
        'resolved',
      ]);
      const notes = await ds.getRepository(TimelineEntryEntity).find({
        where: { ticketId: In(await idsOf(children)), kind: 'note' },
      });
      expect(notes.length).toBe(5);
      expect(notes.every((n) => (n.body ?? '').includes(parent.number))).toBeTrue();
      const resolvedMail = (
        await ds.getRepository(OutboxEntity).find({ where: { kind: 'ticket.resolved' } })
      )
        .map((r) => (JSON.parse(r.payload) as { ticket: string }).ticket)
        .filter((n) => children.some((c) => c.number === n));
      expect(resolvedMail.sort()).toEqual(children.map((c) => c.number).sort());
      const audit = await ds.getRepository(AuditEntryEntity).find({
        where: {
          action: In(['incident.linked', 'incident.unlinked', 'incident.major_update_sent']),
        },
      });
      expect(audit.filter((a) => a.action === 'incident.linked').length).toBe(6);
      expect(audit.filter((a) => a.action === 'incident.unlinked').length).toBe(1);
      expect(audit.filter((a) => a.action === 'incident.major_update_sent').length).toBe(1);

      // Closed (resolved) incidents are refused.
      const late = await req('POST', `/api/v1/incidents/${other.number}/children`, {
        children: [children[0].number],
        expectedVersion: await version(other.number),
      });
      expect(late.status).withContext(late.text).toBe(409);
    });

    it('records a root cause on the incident timeline', async () => {
      const t = await open(report(20, 'g@baliprov.go.id'));
      const set = await req<TicketDetail>('PUT', `/api/v1/incidents/${t.number}/root-cause`, {
        rootCause: 'Sertifikat TLS kedaluwarsa.',
        expectedVersion: t.version,
      });
      expect(set.status).withContext(set.text).toBe(200);
      expect((await view(t.number)).body.rootCause).toBe('Sertifikat TLS kedaluwarsa.');
      const tooLong = await req('PUT', `/api/v1/incidents/${t.number}/root-cause`, {
        rootCause: 'x'.repeat(4001),
        expectedVersion: set.body.version,
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors[0].path).toBe('rootCause');
    });
  });
}
