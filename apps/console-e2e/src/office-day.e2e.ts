import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TicketDetail, TimelineEntryView } from '@sigap/contracts';
import type { ParsedMail } from 'mailparser';
import { expectAccessible } from './support/a11y';
import { apiToken, callApi } from './support/api';
import { screenshot } from './support/browser';
import { e2e } from './support/global-setup';
import { mailTo, waitForMail } from './support/kept-mail';
import { E2E_INBOUND_TOKEN } from './support/server';
import { expectInsideScreen, expectNoPageScroll } from './support/layout';
import { SCREENS, signInAt } from './support/session';
import { verifyChecklist } from './support/workspace';

/** An RFC 822 reply as a mail client writes it: threaded on the message it answers. */
function replyTo(original: ParsedMail, from: string, body: string): Buffer {
  const references = [
    ...(Array.isArray(original.references)
      ? original.references
      : original.references
        ? [original.references]
        : []),
    original.messageId ?? '',
  ].filter(Boolean);
  const sender = original.from?.value[0]?.address ?? '';
  const subject = original.subject ?? '';
  const quoted = (original.text ?? '')
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\r\n');
  return Buffer.from(
    [
      `From: Ni Made Sari <${from}>`,
      `To: ${sender}`,
      `Subject: ${/^re:/i.test(subject) ? subject : `Re: ${subject}`}`,
      `Message-ID: <balasan.${Date.now()}.${Math.floor(Math.random() * 1e6)}@baliprov.go.id>`,
      `In-Reply-To: ${original.messageId}`,
      `References: ${references.join(' ')}`,
      `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      'User-Agent: Mozilla Thunderbird',
      '',
      body,
      '',
      `Pada ${original.date?.toUTCString() ?? 'hari itu'}, Helpdesk menulis:`,
      quoted,
      '',
    ].join('\r\n'),
  );
}

describe('an office day: a walk-in served, a requester answering by e-mail', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sigap-office-day-'));
  /** A scan over the server's 25 MB limit (sparse on disk). */
  const oversized = join(folder, 'pindaian-besar.pdf');

  beforeAll(() => {
    writeFileSync(oversized, '%PDF-1.4\n%%EOF\n');
    truncateSync(oversized, 26 * 1024 * 1024);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  for (const screen of SCREENS) {
    it(`a walk-in visitor with only a phone number is served within 30 minutes at Tebing Tinggi (${screen.name})`, async () => {
      const { context, page } = await signInAt('helpdesk.tebingtinggi@sigap.local', screen);
      try {
        expect(new URL(page.url()).pathname).toBe('/tiket');
        const subject = `Inventarisasi aplikasi SIMPEG, datang langsung (${screen.name} ${Date.now()})`;
        await page.locator('[data-test=new-ticket]').click();
        await page.waitForURL(/\/tiket\/baru$/);
        await page.locator('[data-test=open-service]').click();
        await page.locator('mat-option', { hasText: 'Inventarisasi Aplikasi' }).first().click();
        // Walk-in is the default channel: a phone number alone is enough to reach the visitor.
        await page.locator('[data-test=open-name]').fill('Bapak Rudi Siregar');
        await page.locator('[data-test=open-phone]').fill('0812 6000 1234');
        await page.locator('[data-test=open-subject]').fill(subject);
        await page
          .locator('[data-test=open-description]')
          .fill('Membawa kode sumber dan dokumentasi aplikasi kepegawaian untuk didaftarkan.');
        await expectNoPageScroll(page, `new ticket ${screen.name}`);
        await page.locator('[data-test=open-submit]').click();
        await page.waitForURL(/\/tiket\/TTG-/);
        const number = new URL(page.url()).pathname.split('/').pop() ?? '';
        await page.locator('[data-test=requester]').waitFor();
        expect(await page.locator('[data-test=requester]').innerText()).toContain('0812 6000 1234');

        // The visitor's papers are checked at the desk.
        await verifyChecklist(page);

        // The agent works every step of the standard in turn (the requester's own on their
        // behalf, at the desk with them), each with what it produced.
        let done = 0;
        for (let guard = 0; guard < 30; guard++) {
          const active = page.locator('[data-test=step][data-status=active]').first();
          if (!(await active.count())) break;
          const order = await page.evaluate(() => {
            const steps = Array.from(document.querySelectorAll('[data-test=step]'));
            return steps.findIndex((s) => s.getAttribute('data-status') === 'active');
          });
          await active.locator('[data-test=step-output]').fill(`Hasil langkah ${order + 1}`);
          await active.locator('[data-test=complete-step]').click();
          await page.waitForFunction(
            (index) =>
              document.querySelectorAll('[data-test=step]')[index]?.getAttribute('data-status') ===
              'done',
            order,
          );
          done++;
        }
        // Every step is done (the first, the request itself, closed as the ticket opened).
        expect(done).withContext('steps worked').toBeGreaterThan(0);
        expect(await page.locator('[data-test=step]:not([data-status=done])').count())
          .withContext('steps left')
          .toBe(0);
        await screenshot(page, `office-day-walk-in-steps-${screen.name}`);

        await page.locator('[data-test=action-resolve]').click();
        await page.waitForFunction(
          () =>
            document.querySelector('[data-test=ticket-status]')?.textContent?.trim() === 'Selesai',
        );
        // The ticket says how long the visitor was served, and it is under 30 minutes.
        const taken = page.locator('[data-test=ticket-clock] [data-test=clock-taken]');
        await taken.waitFor();
        const text = await taken.innerText();
        const minutes =
          /Selesai dalam (?:(\d+) jam )?(\d+) menit|Selesai dalam kurang dari 1 menit/.exec(text);
        expect(minutes).withContext(text).not.toBeNull();
        if (minutes?.[2]) {
          expect(Number(minutes[1] ?? 0) * 60 + Number(minutes[2])).toBeLessThan(30);
        }
        const detail = await callApi<TicketDetail>(
          'GET',
          `/api/v1/tickets/${number}`,
          await apiToken('helpdesk.tebingtinggi@sigap.local'),
        );
        expect(detail.status).toBe('resolved');
        expect(detail.channel).toBe('walk-in');
        expect(detail.requester.email).toBeNull();
        const clock = detail.clocks.ticket;
        expect(clock?.stoppedAt).toBeTruthy();
        if (clock?.startedAt && clock.stoppedAt) {
          expect(Date.parse(clock.stoppedAt) - Date.parse(clock.startedAt)).toBeLessThan(
            30 * 60_000,
          );
        }
        await expectAccessible(page, `walk-in resolved ${screen.name}`);
        await page.locator('[data-test=ticket-clock]').scrollIntoViewIfNeeded();
        await screenshot(page, `office-day-walk-in-resolved-${screen.name}`);

        // The queue on this screen: every row whole, the page never wider than the screen.
        await page.goto(`${e2e.sigap.baseUrl}/tiket`);
        await page.locator('[data-test=view-all]').click();
        await page.locator('[data-test=ticket-row]').first().waitFor();
        await expectNoPageScroll(page, `queue ${screen.name}`);
        for (const part of [
          '.number',
          '.subject',
          '.meta',
          '.state',
          '.due',
          '[data-test=row-check]',
        ]) {
          await expectInsideScreen(page, `[data-test=ticket-row] ${part}`, `queue ${part}`);
        }
        await expectAccessible(page, `queue ${screen.name}`);
        await screenshot(page, `office-day-queue-${screen.name}`);
      } finally {
        await context.close();
      }
    });

    it(`a requester answers by e-mail (${screen.name})`, async () => {
      const requester = `made.sari.${screen.name}.${Date.now()}@baliprov.go.id`;
      const agent = await apiToken('helpdesk.bali@sigap.local');
      const opened = await callApi<TicketDetail>('POST', '/api/v1/tickets', agent, {
        office: 'bali',
        service: 'pengembangan-aplikasi',
        channel: 'email',
        subject: `Aplikasi pendataan UMKM (${screen.name})`,
        description: 'Mohon dibuatkan aplikasi pendataan UMKM.',
        requester: { name: 'Ni Made Sari', email: requester },
      });

      const { context, page } = await signInAt('helpdesk.bali@sigap.local', screen);
      try {
        // The agent returns it: the signed request letter is missing.
        await page.goto(`${e2e.sigap.baseUrl}/tiket/${opened.number}`);
        await page.locator('[data-test=action-return-to-requester]').waitFor();
        await page
          .locator('[data-test=action-reason]')
          .fill('Surat permohonan belum ditandatangani kepala OPD.');
        await page.locator('[data-test=action-return-to-requester]').click();
        await page.waitForFunction(
          () =>
            document.querySelector('[data-test=ticket-status]')?.textContent?.trim() ===
            'Menunggu pemohon',
        );
        await page.locator('[data-test=ticket-clock].paused').waitFor();

        // The mail the requester received, and their answer to it from their mail client.
        const sent = await waitForMail(
          (m) => mailTo(m).includes(requester) && (m.subject ?? '').includes(opened.number),
        );
        expect(sent.messageId).toBeTruthy();
        const res = await fetch(`${e2e.sigap.baseUrl}/api/v1/inbound/mail`, {
          method: 'POST',
          headers: {
            'content-type': 'message/rfc822',
            authorization: `Bearer ${E2E_INBOUND_TOKEN}`,
          },
          body: new Uint8Array(
            replyTo(sent, requester, 'Surat yang sudah ditandatangani saya kirim hari ini.'),
          ),
        });
        expect(res.status).toBe(202);
        const answer = (await res.json()) as { action: string; ticketNumber: string };
        expect(answer).toEqual(
          jasmine.objectContaining({ action: 'appended', ticketNumber: opened.number }),
        );

        // The agent sees it on the ticket, and the clock running again.
        await page.reload();
        const entry = page.locator('[data-test=timeline-entry]', {
          hasText: 'Surat yang sudah ditandatangani saya kirim hari ini.',
        });
        await entry.waitFor();
        // Shown as the requester's own mail, from their address.
        expect(await entry.locator('[data-test=entry-head]').innerText()).toContain(
          `E-mail pemohon · ${requester}`,
        );
        // Only the new words: the quoted mail below them is folded away.
        expect(await entry.innerText()).not.toContain('> ');
        expect(await page.locator('[data-test=ticket-status]').innerText()).not.toBe(
          'Menunggu pemohon',
        );
        expect(await page.locator('[data-test=ticket-clock].paused').count()).toBe(0);
        const clockState = await page
          .locator('[data-test=ticket-clock] [data-test=clock-state]')
          .innerText();
        expect(clockState).not.toBe('Dijeda');

        const timeline = await callApi<TimelineEntryView[]>(
          'GET',
          `/api/v1/tickets/${opened.number}/timeline`,
          agent,
        );
        const received = timeline.find((e) => e.event === 'mail.received');
        expect(received?.kind).toBe('reply');
        const ticket = await callApi<TicketDetail>(
          'GET',
          `/api/v1/tickets/${opened.number}`,
          agent,
        );
        expect(ticket.status).not.toBe('waiting');
        expect(ticket.clocks.ticket?.state).not.toBe('paused');

        await expectNoPageScroll(page, `answered ticket ${screen.name}`);
        await expectAccessible(page, `answered ticket ${screen.name}`);
        await entry.scrollIntoViewIfNeeded();
        await screenshot(page, `office-day-mail-answer-${screen.name}`);

        // The quoted mail is folded behind a toggle, and shown as plain text when unfolded.
        const toggle = entry.locator('[data-test=toggle-quoted]');
        expect(await toggle.innerText()).toContain('Tampilkan kutipan');
        await toggle.click();
        await entry.locator('[data-test=toggle-quoted][aria-expanded=true]').waitFor();
        const unfolded = await entry.locator('[data-test=mail-text]').innerText();
        expect(unfolded).toContain('Helpdesk menulis:');
        expect(unfolded).toContain('> ');
        await expectNoPageScroll(page, `unfolded quote ${screen.name}`);
        await expectAccessible(page, `unfolded quote ${screen.name}`);
        await screenshot(page, `office-day-mail-unfolded-${screen.name}`);
        await toggle.click();
        await entry.locator('[data-test=toggle-quoted][aria-expanded=false]').waitFor();

        // The agent's answer: a scan over the limit is refused on the spot and holds it back.
        await page.locator('[data-test=kind-reply]').click();
        await page.locator('[data-test=composer]').fill('Terima kasih, surat kami terima.');
        expect(await page.locator('[data-test=upload-limit]').innerText()).toContain('25.0 MB');
        await page.locator('[data-test=attach-input]').setInputFiles(oversized);
        const refused = page.locator('[data-test=upload][data-state=failed]');
        await refused.waitFor();
        expect(await refused.locator('[data-test=upload-error]').innerText()).toContain(
          'batasnya 25.0 MB',
        );
        expect(await page.locator('[data-test=send]').isDisabled()).toBeTrue();
        await expectAccessible(page, `refused attachment ${screen.name}`);
        await refused.scrollIntoViewIfNeeded();
        await screenshot(page, `office-day-reply-refused-${screen.name}`);
        await refused.locator('[data-test=upload-remove]').click();
        await page.waitForFunction(
          () => !document.querySelector('[data-test=send]')?.hasAttribute('disabled'),
        );
      } finally {
        await context.close();
      }
    });
  }
});
