import { randomInt } from 'node:crypto';
import type { LaporReporterPrivacy } from '@sigap/contracts';
import {
  LaporError,
  LaporGateway,
  type LaporInboundReport,
  type LaporResponse,
  type LaporState,
  type LaporSubmission,
  type LaporUpdate,
} from './lapor-gateway';

/** A file of a report as the stand-in keeps it. */
export interface FakeLaporFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** A report made on the stand-in: what `dispose` accepts (the rest is filled in). */
export interface FakeLaporReport {
  agency: string;
  title?: string;
  body?: string;
  category?: LaporInboundReport['category'];
  privacy?: LaporReporterPrivacy;
  reporter?: LaporInboundReport['reporter'];
  submittedAt?: string;
  dispositionedAt?: string;
  files?: FakeLaporFile[];
}

/** The scenarios the stand-in plays for development and tests. */
export type FakeLaporScenario =
  | 'new-with-attachment'
  | 'anonymous'
  | 'confidential'
  | 'follow-up'
  | 'withdrawn'
  | 'moved'
  | 'outage'
  | 'recovered';

interface Stored extends LaporState {
  submission: LaporSubmission | null;
  inbound: (Omit<LaporInboundReport, 'attachments'> & { files: FakeLaporFile[] }) | null;
  responses: LaporResponse[];
}

/** A small PNG (1x1 pixel), the photo a reporter attaches. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * An in-memory SP4N-LAPOR! for development and tests. Forwarded complaints get a tracking id
 * like LAPOR!'s (`LPR` + 10 digits); `answer()` adds an agency's answer. Reports for the office
 * are made with `dispose()` or one of the `play()` scenarios: a new report with a photo, an
 * anonymous or confidential one, the reporter's follow-up reply, a report withdrawn or moved to
 * another agency, and an outage (every call fails until `recovered`). What the office sends back
 * is kept per report (`responses()`).
 */
export class FakeLaporGateway extends LaporGateway {
  readonly available = true;
  private readonly reports = new Map<string, Stored>();
  private down = false;
  /** Calls made while down (tests read it). */
  refusedCalls = 0;

  forward(submission: LaporSubmission): Promise<{ trackingId: string; status: string }> {
    return this.guard(() => {
      if (!submission.text.trim()) throw new LaporError('isi laporan kosong', false);
      const trackingId = this.newId();
      this.reports.set(trackingId, {
        trackingId,
        status: 'Terverifikasi',
        updates: [],
        submission,
        inbound: null,
        responses: [],
      });
      return { trackingId, status: 'Terverifikasi' };
    });
  }

  pull(trackingId: string): Promise<LaporState> {
    return this.guard(() => {
      const report = this.known(trackingId);
      return {
        trackingId,
        status: report.status,
        updates: report.updates.map((u) => ({ ...u })),
        agency: report.inbound?.agency ?? report.submission?.agency.code ?? null,
        withdrawn: report.withdrawn ?? false,
      };
    });
  }

  inbox(): Promise<LaporInboundReport[]> {
    return this.guard(() =>
      [...this.reports.values()]
        .filter((r) => r.inbound && !r.withdrawn)
        .map((r) => {
          const { files, ...report } = r.inbound as NonNullable<Stored['inbound']>;
          return {
            ...report,
            status: r.status,
            attachments: files.map((f, i) => ({
              id: String(i + 1),
              fileName: f.fileName,
              contentType: f.contentType,
              size: f.bytes.length,
            })),
          };
        }),
    );
  }

  attachment(trackingId: string, id: string, maxBytes: number): Promise<Buffer> {
    return this.guard(() => {
      const file = this.known(trackingId).inbound?.files[Number(id) - 1];
      if (!file) throw new LaporError(`lampiran ${id} tidak dikenal`, false);
      if (file.bytes.length > maxBytes)
        throw new LaporError(`lampiran melebihi ${maxBytes} byte`, false);
      return Buffer.from(file.bytes);
    });
  }

  respond(trackingId: string, response: LaporResponse): Promise<void> {
    return this.guard(() => {
      const report = this.known(trackingId);
      // A repeated key (a retry after a lost answer) is taken once, as LAPOR! would.
      if (report.responses.some((r) => r.key === response.key)) return;
      report.responses.push({ ...response });
      report.status = response.status;
      report.updates.push({
        at: response.at,
        status: response.status,
        answer: response.text,
        from: report.inbound?.agency ?? null,
        author: 'agency',
      });
    });
  }

  /** What was forwarded under a tracking id (tests). */
  submission(trackingId: string): LaporSubmission | null {
    return this.reports.get(trackingId)?.submission ?? null;
  }

  /** What the office sent back on a report, oldest first. */
  responses(trackingId: string): LaporResponse[] {
    return (this.reports.get(trackingId)?.responses ?? []).map((r) => ({ ...r }));
  }

  /** Adds an answer or status change on the LAPOR! side. */
  answer(trackingId: string, update: Omit<LaporUpdate, 'at'> & { at?: string }): void {
    const report = this.known(trackingId);
    report.status = update.status;
    report.updates.push({ ...update, at: update.at ?? new Date().toISOString() });
  }

  /** A report LAPOR! dispositions to an agency; answers its tracking id. */
  dispose(input: FakeLaporReport): string {
    const trackingId = this.newId();
    const at = input.dispositionedAt ?? new Date().toISOString();
    const privacy = input.privacy ?? 'named';
    this.reports.set(trackingId, {
      trackingId,
      status: 'Didisposisikan',
      updates: [],
      submission: null,
      responses: [],
      inbound: {
        trackingId,
        agency: input.agency,
        category: input.category ?? 'pengaduan',
        title: input.title ?? 'Laporan masyarakat',
        body: input.body ?? 'Mohon ditindaklanjuti.',
        privacy,
        reporter:
          input.reporter === undefined
            ? privacy === 'named'
              ? { name: 'Ni Luh Sari', email: 'niluh.sari@example.id', phone: null }
              : null
            : input.reporter,
        submittedAt: input.submittedAt ?? at,
        dispositionedAt: at,
        status: 'Didisposisikan',
        files: input.files ?? [],
      },
    });
    return trackingId;
  }

  /** The reporter writes again on LAPOR! (a follow-up reply). */
  reporterReplies(trackingId: string, text: string, at?: string): void {
    this.answer(trackingId, {
      status: 'Menunggu tindak lanjut',
      answer: text,
      from: 'Pelapor',
      author: 'reporter',
      at,
    });
  }

  /** The reporter withdraws the report. */
  withdraw(trackingId: string): void {
    const report = this.known(trackingId);
    report.withdrawn = true;
    this.answer(trackingId, { status: 'Dicabut', answer: null, from: 'LAPOR!', author: 'lapor' });
  }

  /** LAPOR! moves the report to another agency. */
  moveTo(trackingId: string, agency: string): void {
    const report = this.known(trackingId);
    if (report.inbound) report.inbound.agency = agency;
    this.answer(trackingId, {
      status: 'Dialihkan',
      answer: `Laporan dialihkan ke ${agency}.`,
      from: 'LAPOR!',
      author: 'lapor',
    });
  }

  /** Every call fails (LAPOR! unreachable) until set back. */
  setOutage(down: boolean): void {
    this.down = down;
  }

  /**
   * Plays a scenario for `agency` (an office code). The report scenarios answer the new tracking
   * id; `follow-up`, `withdrawn` and `moved` act on `trackingId`; `outage` and `recovered` switch
   * the connection off and on.
   */
  play(scenario: FakeLaporScenario, agency: string, trackingId?: string): string | null {
    switch (scenario) {
      case 'new-with-attachment':
        return this.dispose({
          agency,
          title: 'Jaringan internet kantor kelurahan terputus',
          body: '<p>Sejak <b>Senin</b> jaringan internet di kantor kelurahan terputus.</p><p>Foto perangkat terlampir.</p>',
          files: [{ fileName: 'perangkat.png', contentType: 'image/png', bytes: PIXEL_PNG }],
        });
      case 'anonymous':
        return this.dispose({
          agency,
          privacy: 'anonymous',
          title: 'Pungutan di layanan pembuatan akun',
          body: 'Ada petugas yang meminta uang untuk pembuatan akun e-mail dinas.',
        });
      case 'confidential':
        return this.dispose({
          agency,
          privacy: 'confidential',
          title: 'Data pribadi warga tampil di situs',
          body: 'Situs kelurahan menampilkan NIK warga pada halaman pengumuman.',
        });
      case 'follow-up':
        this.reporterReplies(
          this.required(trackingId),
          'Terima kasih, tetapi jaringan masih terputus sampai hari ini.',
        );
        return trackingId ?? null;
      case 'withdrawn':
        this.withdraw(this.required(trackingId));
        return trackingId ?? null;
      case 'moved':
        this.moveTo(this.required(trackingId), 'kementerian-kominfo');
        return trackingId ?? null;
      case 'outage':
        this.setOutage(true);
        return null;
      case 'recovered':
        this.setOutage(false);
        return null;
    }
  }

  private guard<T>(run: () => T): Promise<T> {
    if (this.down) {
      this.refusedCalls++;
      return Promise.reject(new LaporError('LAPOR! tidak dapat dihubungi (gangguan)'));
    }
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private known(trackingId: string): Stored {
    const report = this.reports.get(trackingId);
    if (!report) throw new LaporError(`laporan ${trackingId} tidak dikenal`, false);
    return report;
  }

  private required(trackingId: string | undefined): string {
    if (!trackingId) throw new LaporError('skenario ini memerlukan nomor laporan', false);
    return trackingId;
  }

  private newId(): string {
    let trackingId: string;
    do trackingId = `LPR${String(randomInt(0, 1e10)).padStart(10, '0')}`;
    while (this.reports.has(trackingId));
    return trackingId;
  }
}
