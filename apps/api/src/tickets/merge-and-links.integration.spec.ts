import type {
  AttachmentView,
  MergePreview,
  TicketDetail,
  TicketLinksView,
  TimelineEntryView,
} from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sigap/api-config';
import { AuditEntryEntity } from '@sigap/api-audit';
import { Clock } from '@sigap/api-clock';
import { preparerFor } from '@sigap/api-mail';
import { OutboxEntity } from '@sigap/api-outbox';
import { ClockEventEntity, TicketEntity, TimelineEntryEntity } from '@sigap/api-tickets';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

const TOKEN = 'token-gabung-0123456789abcdef';
const FIRST = 'ketut.sari@diskes.baliprov.go.id';
const SECOND = 'putu.adi@diskes.baliprov.go.id';
const OTHER = 'gede.arta@disdik.baliprov.go.id';

describeOnBothDatabases(
  'tickets: merge a duplicate and link tickets',
  (ctx) => {
    let app: TestApp;
    let ds: DataSource;
    let health: string;
    let education: string;
    let target: TicketDetail;
    let duplicate: TicketDetail;
    let otherOpd: TicketDetail;
    let riau: TicketDetail;
    let spare: TicketDetail;
    let fileId: string;

    const helpdesk = () => app.token('helpdesk.bali@sigap.local');
    const admin = () => app.token('admin@sigap.local');
    const get = async (number: string) =>
      (
        await app.request<TicketDetail>('GET', `/api/v1/tickets/${number}`, {
          token: await admin(),
        })
      ).body;
    const row = (number: string) => ds.getRepository(TicketEntity).findOneByOrFail({ number });
    const open = async (
      office: string,
      service: string,
      subject: string,
      requester: Record<string, unknown>,
    ) => {
      const res = await app.request<TicketDetail>('POST', '/api/v1/tickets', {
        token: await app.token(`helpdesk.${office}@sigap.local`),
        body: { office, service, channel: 'email', subject, description: subject, requester },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body;
    };
    const merge = async (
      who: Promise<string>,
      source: string,
      into: string,
      versions?: { source?: number; target?: number },
    ) => {
      const [s, t] = [await row(source), await row(into).catch(() => null)];
      return app.request<TicketDetail & { code?: string; detail?: string }>(
        'POST',
        `/api/v1/tickets/${source}/merge`,
        {
          token: await who,
          body: {
            target: into,
            expectedVersion: versions?.source ?? s.version,
            targetExpectedVersion: versions?.target ?? t?.version ?? 1,
            reason: 'Permohonan yang sama dikirim dua kali.',
          },
        },
      );
    };
    const timeline = async (number: string) =>
      (
        await app.request<TimelineEntryView[]>('GET', `/api/v1/tickets/${number}/timeline`, {
          token: await admin(),
        })
      ).body;
    const mergedRows = () =>
      ds.getRepository(OutboxEntity).find({ where: { kind: 'ticket.merged' } });

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      const opd = async (name: string, domain: string) => {
        const res = await app.request<{ id: string }>('POST', '/api/v1/opds', {
          token: await admin(),
          body: { name, office: 'bali', emailDomains: [domain] },
        });
        expect(res.status).withContext(res.text).toBe(201);
        return res.body.id;
      };
      health = await opd('Dinas Kesehatan Uji Gabung', 'diskes.baliprov.go.id');
      education = await opd('Dinas Pendidikan Uji Gabung', 'disdik.baliprov.go.id');
      const service = 'pengembangan-aplikasi';
      target = await open('bali', service, 'Aplikasi antrean puskesmas', {
        name: 'Ketut Sari',
        email: FIRST,
        opdId: health,
      });
      duplicate = await open('bali', service, 'Aplikasi antrean puskesmas (kirim ulang)', {
        name: 'Putu Adi',
        email: SECOND,
        opdId: health,
      });
      otherOpd = await open('bali', service, 'Aplikasi data sekolah', {
        name: 'Gede Arta',
        email: OTHER,
        opdId: education,
      });
      spare = await open('bali', service, 'Aplikasi rujukan', {
        name: 'Ketut Sari',
        email: FIRST,
        opdId: health,
      });
      riau = await open('riau', 'konsultasi-tata-kelola-spbe', 'Konsultasi tata kelola', {
        name: 'Pemohon Riau',
        email: 'pemohon@opd.riau.go.id',
      });

      // The duplicate gathers evidence: a file, a received requirement, a note.
      const form = new FormData();
      form.append(
        'file',
        new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }),
        'surat-permohonan.pdf',
      );
      const up = await fetch(`${app.baseUrl}/api/v1/tickets/${duplicate.number}/attachments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await helpdesk()}` },
        body: form,
      });
      const file = (await up.json()) as AttachmentView;
      expect(up.status).withContext(JSON.stringify(file)).toBe(201);
      fileId = file.id;
      const received = await app.request<TicketDetail>(
        'POST',
        `/api/v1/tickets/${duplicate.number}/checklist/r1/receive`,
        {
          token: await helpdesk(),
          body: { expectedVersion: (await row(duplicate.number)).version, attachmentIds: [fileId] },
        },
      );
      expect(received.status).withContext(received.text).toBe(200);
      const note = await app.request('POST', `/api/v1/tickets/${duplicate.number}/notes`, {
        token: await helpdesk(),
        body: {
          expectedVersion: received.body.version,
          body: 'Pemohon menelepon: sama dengan tiket sebelumnya.',
        },
      });
      expect(note.status).withContext(note.text).toBe(200);
    }, 120_000);

    it('refuses an outsider, another office, a role that may not merge', async () => {
      const before = await row(duplicate.number);
      const riauAgent = await merge(
        app.token('helpdesk.riau@sigap.local'),
        duplicate.number,
        target.number,
      );
      expect(riauAgent.status).withContext(riauAgent.text).toBe(404);
      const executor = await merge(
        app.token('kasi-ai.bali@sigap.local'),
        duplicate.number,
        target.number,
      );
      expect([403, 404]).withContext(executor.text).toContain(executor.status);
      const anonymous = await app.request('POST', `/api/v1/tickets/${duplicate.number}/merge`, {
        body: { target: target.number, expectedVersion: 1, targetExpectedVersion: 1 },
      });
      expect(anonymous.status).toBe(401);
      // Another office's ticket: unknown to the office's agent, refused to an admin.
      const agent = await merge(helpdesk(), duplicate.number, riau.number);
      expect(agent.status).withContext(agent.text).toBe(404);
      const byAdmin = await merge(admin(), duplicate.number, riau.number);
      expect(byAdmin.status).withContext(byAdmin.text).toBe(422);
      expect(byAdmin.body.detail).toContain('kantor lain');
      const after = await row(duplicate.number);
      expect([after.status, after.version]).toEqual([before.status, before.version]);
    });

    it('refuses another OPD, the ticket itself, and a missing version field', async () => {
      const opd = await merge(helpdesk(), duplicate.number, otherOpd.number);
      expect(opd.status).withContext(opd.text).toBe(422);
      expect(opd.body.detail).toContain('OPD lain');
      const self = await merge(helpdesk(), duplicate.number, duplicate.number);
      expect(self.status).withContext(self.text).toBe(422);
      expect(self.body.detail).toContain('dirinya sendiri');
      const invalid = await app.request('POST', `/api/v1/tickets/${duplicate.number}/merge`, {
        token: await helpdesk(),
        body: { target: target.number, expectedVersion: 1 },
      });
      expect(invalid.status).withContext(invalid.text).toBe(400);
    });

    it('answers 409 when either ticket moved on since it was read', async () => {
      const d = await row(duplicate.number);
      const t = await row(target.number);
      const staleSource = await merge(helpdesk(), duplicate.number, target.number, {
        source: d.version - 1,
      });
      expect(staleSource.status).withContext(staleSource.text).toBe(409);
      const staleTarget = await merge(helpdesk(), duplicate.number, target.number, {
        target: t.version + 1,
      });
      expect(staleTarget.status).withContext(staleTarget.text).toBe(409);
      expect((await row(duplicate.number)).version).toBe(d.version);
      expect((await row(target.number)).version).toBe(t.version);
    });

    it('previews what moves, and why another OPD is refused', async () => {
      const preview = await app.request<MergePreview>(
        'GET',
        `/api/v1/tickets/${duplicate.number}/merge?target=${target.number}`,
        { token: await helpdesk() },
      );
      expect(preview.status).withContext(preview.text).toBe(200);
      const entries = await ds
        .getRepository(TimelineEntryEntity)
        .count({ where: { ticketId: (await row(duplicate.number)).id } });
      expect(preview.body).toEqual(
        jasmine.objectContaining({
          timelineEntries: entries,
          evidence: 1,
          attachments: 1,
          requesterMailed: true,
          refusal: null,
        }),
      );
      const refused = await app.request<MergePreview>(
        'GET',
        `/api/v1/tickets/${duplicate.number}/merge?target=${otherOpd.number}`,
        { token: await helpdesk() },
      );
      expect(refused.body.refusal).toContain('OPD lain');
    });

    it('merges: history, evidence and files move, clocks stop, the requester is mailed once', async () => {
      const sourceBefore = await row(duplicate.number);
      const movedIds = (
        await ds.getRepository(TimelineEntryEntity).find({ where: { ticketId: sourceBefore.id } })
      ).map((e) => e.id);
      expect(movedIds.length).toBeGreaterThan(2);
      const res = await merge(helpdesk(), duplicate.number, target.number);
      expect(res.status).withContext(res.text).toBe(200);
      expect(res.body.status).toBe('merged');
      expect(res.body.mergedInto).toBe(target.number);
      expect(res.body.allowedActions).toEqual([]);

      const source = await row(duplicate.number);
      const into = await row(target.number);
      expect(source.mergedIntoId).toBe(into.id);
      expect(source.isOpen).toBeFalse();
      expect(source.slaSnapshot).not.toBeNull();
      // Every clock of the duplicate ends stopped.
      const clocks = await ds
        .getRepository(ClockEventEntity)
        .find({ where: { ticketId: source.id }, order: { id: 'ASC' } });
      const last = new Map<string, string>();
      for (const c of clocks) last.set(`${c.clock}#${c.round}`, c.type);
      expect(last.size).toBeGreaterThan(0);
      for (const [clock, type] of last) expect(type).withContext(clock).toBe('stop');

      // The history is on the target now, each entry saying where it came from.
      const onTarget = await timeline(target.number);
      const moved = onTarget.filter((e) => movedIds.includes(e.id));
      expect(moved.length).toBe(movedIds.length);
      for (const e of moved) expect(e.mergedFrom).toBe(duplicate.number);
      expect(moved.some((e) => e.kind === 'note')).toBeTrue();
      expect(onTarget.some((e) => e.event === 'ticket.merged_in')).toBeTrue();
      const left = await timeline(duplicate.number);
      expect(left.map((e) => e.event)).toContain('ticket.merged');
      expect(left.every((e) => !movedIds.includes(e.id))).toBeTrue();

      // Evidence and files.
      const detail = await get(target.number);
      const r1 = detail.checklist.find((c) => c.code === 'r1');
      expect(r1?.status).toBe('received');
      expect(r1?.attachmentIds).toContain(fileId);
      const file: { ticket_id: string }[] = await ds.query(
        'SELECT ticket_id FROM attachments WHERE id = ?',
        [fileId],
      );
      expect(file[0].ticket_id).toBe(into.id);
      expect(into.version).toBe(target.version + 1);

      // Told once, threaded on the old number, naming the new one.
      const rows = await mergedRows();
      expect(rows.length).toBe(1);
      expect(JSON.parse(rows[0].payload)).toEqual({
        ticket: duplicate.number,
        target: target.number,
      });
      const prepared = await preparerFor(rows[0].kind)(JSON.parse(rows[0].payload), {
        config: app.app.get(AppConfig),
        manager: ds.manager,
        threadIds: async () => [],
        nextSeq: async () => 1,
        calendar: () => Promise.reject(new Error('kalender tidak diperlukan')),
        now: () => app.app.get(Clock).now(),
      });
      expect(prepared.request.to).toEqual([SECOND]);
      expect(prepared.ticketNumber).toBe(duplicate.number);
      expect(prepared.request.mail.template).toBe('ticket-merged');

      // Audited on both tickets.
      const audits = await ds.getRepository(AuditEntryEntity).find({
        where: [
          { entityId: duplicate.number, action: 'ticket.merged' },
          { entityId: target.number, action: 'ticket.merged_in' },
        ],
      });
      expect(audits.length).toBe(2);
    });

    it('refuses merging again, into the merged ticket, and chains', async () => {
      const again = await merge(helpdesk(), duplicate.number, spare.number);
      expect(again.status).withContext(again.text).toBe(409);
      const intoMerged = await merge(helpdesk(), spare.number, duplicate.number);
      expect(intoMerged.status).withContext(intoMerged.text).toBe(422);
      const chain = await merge(helpdesk(), target.number, spare.number);
      expect(chain.status).withContext(chain.text).toBe(422);
      expect(chain.body.detail).toContain(duplicate.number);
      const reply = await app.request('POST', `/api/v1/tickets/${duplicate.number}/replies`, {
        token: await helpdesk(),
        body: { expectedVersion: (await row(duplicate.number)).version, body: 'Halo' },
      });
      expect(reply.status).withContext(reply.text).toBe(409);
      expect((await mergedRows()).length).toBe(1);
    });

    it('files a mail reply to the old number on the target', async () => {
      const sourceVersion = (await row(duplicate.number)).version;
      const raw = Buffer.from(
        [
          `From: Putu Adi <${SECOND}>`,
          'To: helpdesk@helpdesk.diskominfos.baliprov.go.id',
          `Subject: Re: [#${duplicate.number}] Aplikasi antrean puskesmas`,
          `Message-ID: <gabung-${Date.now()}@diskes.baliprov.go.id>`,
          'Date: Mon, 23 Nov 2026 09:00:00 +0800',
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Terima kasih, saya tunggu kabarnya.',
          '',
        ].join('\r\n'),
      );
      const res = await app.request<{ action: string; ticketNumber: string }>(
        'POST',
        '/api/v1/inbound/mail',
        {
          raw,
          headers: { 'Content-Type': 'message/rfc822', Authorization: `Bearer ${TOKEN}` },
        },
      );
      expect(res.status).withContext(res.text).toBe(202);
      expect([res.body.action, res.body.ticketNumber]).toEqual(['appended', target.number]);
      const entry = (await timeline(target.number))
        .filter((e) => e.event === 'mail.received')
        .at(-1);
      expect(entry?.data?.['repliedTo']).withContext(JSON.stringify(entry)).toBe(duplicate.number);
      expect((await row(duplicate.number)).version).toBe(sourceVersion);
    });

    it('links related and parent/child tickets of one office, audited, without cycles', async () => {
      const link = async (who: Promise<string>, from: string, number: string, kind: string) =>
        app.request<TicketLinksView & { detail?: string }>(
          'POST',
          `/api/v1/tickets/${from}/links`,
          {
            token: await who,
            body: { number, kind },
          },
        );
      const related = await link(helpdesk(), target.number, otherOpd.number, 'related');
      expect(related.status).withContext(related.text).toBe(200);
      expect(related.body.links.map((l) => [l.kind, l.number])).toEqual([
        ['related', otherOpd.number],
      ]);
      expect(related.body.mergedFrom).toEqual([duplicate.number]);
      const twice = await link(helpdesk(), otherOpd.number, target.number, 'related');
      expect(twice.status).withContext(twice.text).toBe(422);

      const child = await link(helpdesk(), target.number, spare.number, 'child');
      expect(child.status).withContext(child.text).toBe(200);
      const seen = await app.request<TicketLinksView>(
        'GET',
        `/api/v1/tickets/${spare.number}/links`,
        {
          token: await helpdesk(),
        },
      );
      expect(seen.body.links.map((l) => [l.kind, l.number])).toEqual([['parent', target.number]]);
      const cycle = await link(helpdesk(), spare.number, target.number, 'child');
      expect(cycle.status).withContext(cycle.text).toBe(422);

      const merged = await app.request<TicketLinksView>(
        'GET',
        `/api/v1/tickets/${duplicate.number}/links`,
        { token: await helpdesk() },
      );
      expect(merged.body.mergedInto).toBe(target.number);

      // Other offices and roles.
      expect((await link(helpdesk(), target.number, riau.number, 'related')).status).toBe(404);
      expect((await link(admin(), target.number, riau.number, 'related')).status).toBe(422);
      expect(
        (await link(app.token('helpdesk.riau@sigap.local'), target.number, spare.number, 'related'))
          .status,
      ).toBe(404);
      const executor = await link(
        app.token('kasi-ai.bali@sigap.local'),
        target.number,
        otherOpd.number,
        'child',
      );
      expect([403, 404]).withContext(executor.text).toContain(executor.status);

      const id = related.body.links[0].id;
      const removed = await app.request<TicketLinksView>(
        'DELETE',
        `/api/v1/tickets/${target.number}/links/${id}`,
        { token: await helpdesk() },
      );
      expect(removed.status).withContext(removed.text).toBe(200);
      expect(removed.body.links.map((l) => l.number)).toEqual([spare.number]);
      const audits = await ds.getRepository(AuditEntryEntity).find({
        where: { entityId: otherOpd.number },
      });
      expect(audits.map((a) => a.action)).toEqual(
        jasmine.arrayContaining(['ticket.link_added', 'ticket.link_removed']),
      );
    });

    it('shows a major incident and its reports among the links, kept on the incident page', async () => {
      const report = async (subject: string, email: string) => {
        const res = await app.request<TicketDetail>('POST', '/api/v1/incidents', {
          token: await helpdesk(),
          body: {
            office: 'bali',
            services: [],
            impact: 'sedang',
            urgency: 'sedang',
            channel: 'phone',
            subject,
            description: 'Website OPD menampilkan galat 502.',
            requester: { name: 'Pelapor', email },
          },
        });
        expect(res.status).withContext(res.text).toBe(201);
        return res.body;
      };
      const parent = await report('Pusat data padam', 'kominfo@baliprov.go.id');
      const child = await report('Website dinas kesehatan mati', FIRST);
      const linked = await app.request('POST', `/api/v1/incidents/${parent.number}/children`, {
        token: await helpdesk(),
        body: { children: [child.number], expectedVersion: parent.version },
      });
      expect(linked.status).withContext(linked.text).toBe(200);
      const links = (number: string) =>
        helpdesk().then((token) =>
          app.request<TicketLinksView>('GET', `/api/v1/tickets/${number}/links`, { token }),
        );
      const ofChild = await links(child.number);
      expect(ofChild.body.links.map((l) => [l.kind, l.source, l.number, l.id])).toEqual([
        ['parent', 'incident', parent.number, null],
      ]);
      const ofParent = await links(parent.number);
      expect(ofParent.body.links.map((l) => [l.kind, l.source, l.number])).toEqual([
        ['child', 'incident', child.number],
      ]);
    });
  },
  {
    SIGAP_INBOUND_TOKEN: TOKEN,
    SIGAP_MAIL_FROM: 'helpdesk@helpdesk.diskominfos.baliprov.go.id',
  },
);
