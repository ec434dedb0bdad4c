import type { PortalRequestSummary, RequesterContactView } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import { OutboxEntity } from '@sigap/api-outbox';
import { linkSentMessage, PortalAuthService } from '@sigap/api-portal';
import { describeOnBothDatabases, type TestApp } from '../testing/test-app';

interface Session {
  cookie: string;
  csrf: string;
}

/**
 * Who a requester contact is: an address typed into a public complaint proves nothing, so it
 * never joins an existing contact (their OPD's portal and timeline); a deactivated contact gets
 * no sign-in links and loses its portal sessions.
 */
describeOnBothDatabases(
  'requester contacts: unverified addresses, merging, deactivation',
  (ctx) => {
    const DOMAIN = 'dinas-uji.baliprov.go.id';
    let app: TestApp;
    let ds: DataSource;
    let opdId: string;
    let counter = 0;

    const agent = () => app.token('helpdesk.bali@sigap.local');

    async function linkTokens(email: string): Promise<string[]> {
      const rows = await ds
        .getRepository(OutboxEntity)
        .find({ where: { kind: 'portal.sign-in-link' }, order: { createdAt: 'ASC' } });
      return rows
        .map((r) => JSON.parse(r.payload) as { email: string; token: string })
        .filter((p) => p.email === email)
        .map((p) => p.token);
    }

    /** Asks for a link as the portal does, and waits for the work done after the answer. */
    async function requestLink(email: string): Promise<string> {
      const res = await app.request('POST', '/api/v1/portal/auth/link', { body: { email } });
      expect(res.status).toBe(202);
      await app.app.get(PortalAuthService).settled();
      return res.text;
    }

    async function signIn(email: string): Promise<Session> {
      await requestLink(email);
      const tokens = await linkTokens(email);
      expect(tokens.length).withContext(`no link for ${email}`).toBeGreaterThan(0);
      const res = await app.request('POST', '/api/v1/portal/auth/session', {
        body: { token: tokens[tokens.length - 1] },
      });
      expect(res.status).withContext(res.text).toBe(200);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return { cookie, csrf: res.body.csrfToken as string };
    }

    const portal = (session: Session, path: string) =>
      app.request('GET', `/api/v1/portal${path}`, { headers: { Cookie: session.cookie } });

    /** A verified contact of the test OPD, made by the helpdesk opening a request for it. */
    async function verifiedContact(email: string): Promise<{ contactId: string; ticket: string }> {
      const res = await app.request('POST', '/api/v1/tickets', {
        token: await agent(),
        body: {
          office: 'bali',
          service: 'pengembangan-aplikasi',
          channel: 'letter',
          subject: 'Permohonan uji',
          description: 'Permohonan uji.',
          requester: { name: 'Ani Pemohon', email },
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return { contactId: res.body.requester.id as string, ticket: res.body.number as string };
    }

    async function complain(email: string): Promise<string> {
      const res = await app.request('POST', '/api/v1/public/complaints', {
        body: {
          office: 'bali',
          category: 'pengaduan',
          name: 'Siapa Saja',
          email,
          text: 'Isi pengaduan yang diketik oleh siapa pun dengan alamat orang lain.',
        },
      });
      expect(res.status).withContext(res.text).toBe(201);
      return res.body.number as string;
    }

    async function requesterOf(number: string): Promise<RequesterContactView> {
      const res = await app.request('GET', `/api/v1/tickets/${encodeURIComponent(number)}`, {
        token: await agent(),
      });
      expect(res.status).withContext(res.text).toBe(200);
      return res.body.requester as RequesterContactView;
    }

    beforeAll(async () => {
      app = ctx();
      ds = app.app.get(DataSource);
      const res = await app.request('POST', '/api/v1/opds', {
        token: await app.token('admin@sigap.local'),
        body: { office: 'bali', name: 'Dinas Uji Kepercayaan', emailDomains: [DOMAIN] },
      });
      expect(res.status).withContext(res.text).toBe(201);
      opdId = res.body.id;
    });

    it("a public complaint with an existing contact's address stays out of their OPD's portal", async () => {
      const email = `ani.${++counter}@${DOMAIN}`;
      const ani = await verifiedContact(email);
      const session = await signIn(email);
      const before = (await portal(session, '/requests')).body as PortalRequestSummary[];
      expect(before.map((r) => r.number)).toContain(ani.ticket);

      const complaint = await complain(email);
      const requester = await requesterOf(complaint);
      expect(requester.id).not.toBe(ani.contactId);
      expect(requester.unverified).toBeTrue();
      expect(requester.opdId).toBeNull();
      expect(requester.email).toBe(email);

      const after = (await portal(session, '/requests')).body as PortalRequestSummary[];
      expect(after.map((r) => r.number)).not.toContain(complaint);
      expect(
        (await portal(session, `/requests/${encodeURIComponent(complaint)}`)).status,
      ).toBeGreaterThanOrEqual(400);

      // A second complaint with the same address shares the unverified contact.
      expect((await requesterOf(await complain(email))).id).toBe(requester.id);
      // The address's portal link still signs in as the verified contact only.
      const again = await signIn(email);
      const me = await portal(again, '/me');
      expect(me.body.opd?.id).toBe(opdId);
    });

    it('an unverified contact never gets a sign-in link of its own', async () => {
      const email = `warga.${++counter}@contoh-lain.id`;
      const complaint = await complain(email);
      expect((await requesterOf(complaint)).unverified).toBeTrue();
      const answer = await requestLink(email);
      expect(JSON.parse(answer).message).toBe(linkSentMessage(app.config));
      expect(await linkTokens(email)).toEqual([]);
    });

    it('an agent merges the unverified contact into the real one: checked, moved, audited', async () => {
      const email = `budi.${++counter}@${DOMAIN}`;
      const budi = await verifiedContact(email);
      const complaint = await complain(email);
      const stray = await requesterOf(complaint);
      const merge = async (who: string, id: string, into: string) =>
        app.request('POST', `/api/v1/contacts/${id}/merge`, {
          token: await app.token(who),
          body: { into },
        });

      // Other offices, and roles that do not manage contacts, are refused.
      expect((await merge('helpdesk.riau@sigap.local', stray.id, budi.contactId)).status).toBe(403);
      expect((await merge('kadis.riau@sigap.local', stray.id, budi.contactId)).status).toBe(403);
      // A verified contact is not merged away; nor into itself; nor into an unknown one.
      const verified = await merge('helpdesk.bali@sigap.local', budi.contactId, stray.id);
      expect(verified.status).toBe(400);
      expect(verified.body.errors[0].path).toBe('contact');
      expect((await merge('helpdesk.bali@sigap.local', stray.id, stray.id)).status).toBe(400);
      const unknown = await merge(
        'helpdesk.bali@sigap.local',
        stray.id,
        '00000000-0000-0000-0000-000000000000',
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors[0].path).toBe('into');
      const badBody = await app.request('POST', `/api/v1/contacts/${stray.id}/merge`, {
        token: await agent(),
        body: { into: 42 },
      });
      expect(badBody.status).toBe(400);
      expect(badBody.body.errors[0].path).toBe('into');
      expect((await requesterOf(complaint)).id).toBe(stray.id);

      const done = await merge('kadis.bali@sigap.local', stray.id, budi.contactId);
      expect(done.status).withContext(done.text).toBe(200);
      expect(done.body.tickets).toBe(1);
      expect(done.body.contact.active).toBeFalse();
      expect(done.body.contact.mergedInto).toBe(budi.contactId);
      const moved = await requesterOf(complaint);
      expect(moved.id).toBe(budi.contactId);
      const row = (await ds.query('SELECT opd_id FROM tickets WHERE number = ?', [complaint])) as {
        opd_id: string | null;
      }[];
      expect(row[0].opd_id).toBe(opdId);
      // Now the complaint is on Budi's portal.
      const session = await signIn(email);
      const list = (await portal(session, '/requests')).body as PortalRequestSummary[];
      expect(list.map((r) => r.number)).toContain(complaint);

      const audit = (await ds.query(
        "SELECT actor_id, entity_id FROM audit_log WHERE action = 'contact.merged'",
      )) as { actor_id: string; entity_id: string }[];
      expect(audit.map((a) => a.entity_id)).toEqual([stray.id]);
      // Merged once; not again.
      expect((await merge('helpdesk.bali@sigap.local', stray.id, budi.contactId)).status).toBe(400);
    });

    it('a deactivated contact gets no links and its portal sessions end', async () => {
      const email = `citra.${++counter}@${DOMAIN}`;
      const citra = await verifiedContact(email);
      const session = await signIn(email);
      expect((await portal(session, '/me')).status).toBe(200);
      const unusedLink = (await linkTokens(email)).length;
      await requestLink(email);
      const pending = await linkTokens(email);
      expect(pending.length).toBe(unusedLink + 1);

      const off = await app.request('POST', `/api/v1/contacts/${citra.contactId}/deactivate`, {
        token: await agent(),
      });
      expect(off.status).toBe(200);
      expect((await portal(session, '/me')).status).toBe(401);
      // The link sent before the deactivation is spent too.
      const late = await app.request('POST', '/api/v1/portal/auth/session', {
        body: { token: pending[pending.length - 1] },
      });
      expect(late.status).toBe(400);

      const answer = await requestLink(email);
      expect(JSON.parse(answer).message).toBe(linkSentMessage(app.config));
      expect((await linkTokens(email)).length).toBe(pending.length);
      // Nor does the OPD's domain make a fresh contact for the address.
      const contacts = (await ds.query('SELECT id FROM requester_contacts WHERE email = ?', [
        email,
      ])) as { id: string }[];
      expect(contacts.map((c) => c.id)).toEqual([citra.contactId]);

      // Activated again: links work again (the old session stays ended).
      await app.request('POST', `/api/v1/contacts/${citra.contactId}/activate`, {
        token: await agent(),
      });
      expect((await portal(session, '/me')).status).toBe(401);
      const fresh = await signIn(email);
      expect((await portal(fresh, '/me')).status).toBe(200);
    });
  },
);
