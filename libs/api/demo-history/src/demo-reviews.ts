// The demo's periodic service reviews: two past review meetings per office and the improvement
// actions arising from them, recorded through the reviews service by the office's manager with
// the clock at each meeting and each status change, so a manager's review page is not empty.
import { Clock } from '@sigap/api-clock';
import type { AuthUser } from '@sigap/api-identity';
import { DEMO_DOMAIN } from '@sigap/api-identity';
import { PositionEntity } from '@sigap/api-offices';
import { ReviewsService } from '@sigap/api-reviews';
import type { DataSource } from 'typeorm';
import type { DemoActions } from './demo-actions';
import type { OfficeContext } from './demo-history-model';
import { DAY } from './demo-pacing';

/** The local date (YYYY-MM-DD) of an instant, given the office's offset from UTC. */
const localDay = (at: number, offsetMs: number) =>
  new Date(at + offsetMs).toISOString().slice(0, 10);
/** The local month (YYYY-MM) `back` months before that of an instant. */
const monthBefore = (at: number, offsetMs: number, back: number) => {
  const d = new Date(at + offsetMs);
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
  return m.toISOString().slice(0, 7);
};
/** 10:00 local time on the day of `at`. */
const tenOClock = (at: number, offsetMs: number) =>
  Date.parse(`${localDay(at, offsetMs)}T10:00:00Z`) - offsetMs;

export class DemoReviews {
  constructor(
    private readonly actions: DemoActions,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reviews: ReviewsService,
  ) {}

  /** Records the reviews and actions of one office; returns how many of each. */
  async record(
    office: OfficeContext,
    until: number,
  ): Promise<{ reviews: number; actions: number }> {
    const manager = await this.actions
      .user(`kadis.${office.code}@${DEMO_DOMAIN}`)
      .catch(() => null);
    if (!manager) return { reviews: 0, actions: 0 };
    const positions = (
      await this.dataSource.manager.find(PositionEntity, {
        where: { officeCode: office.code, requesterSide: false },
        order: { sortOrder: 'ASC', name: 'ASC' },
      })
    ).filter((p) => !p.retiredAt && p.code !== 'kadis');
    const first = positions[0]?.code ?? null;
    const second = positions[1]?.code ?? first;
    if (!first || !second) return { reviews: 0, actions: 0 };
    const attendees = [
      { name: manager.name, position: 'Kepala Dinas' },
      ...positions.slice(0, 2).map((p) => ({ name: `Pejabat ${p.name}`, position: p.name })),
      { name: office.helpdesk.name, position: 'Petugas helpdesk' },
    ];
    const off = office.offsetMs;
    const at = (instant: number) => this.clock.set(tenOClock(instant, off));

    // The later review two weeks ago on the last three full months; the earlier a quarter before.
    const heldB = until - 14 * DAY;
    const heldA = heldB - 91 * DAY;
    const review = async (held: number, title: string, decisions: string[], notes: string) => {
      at(held);
      return this.actions.timed('review.record', () =>
        this.reviews.createReview(manager, {
          office: office.code,
          heldOn: localDay(held, off),
          title,
          attendees,
          periodFrom: monthBefore(held, off, 3),
          periodTo: monthBefore(held, off, 1),
          notes,
          decisions,
        }),
      );
    };
    const a = await review(
      heldA,
      'Rapat tinjauan manajemen layanan triwulan',
      [
        'Perbarui SOP pelayanan agar waktu tiap langkah sesuai praktik.',
        'Tambah petugas jaga helpdesk pada jam sibuk.',
      ],
      'Kepatuhan SLA belum merata antarlayanan; beberapa tiket melewati batas pada langkah verifikasi.',
    );
    const b = await review(
      heldB,
      'Rapat tinjauan manajemen layanan triwulan berikutnya',
      ['Percepat verifikasi dokumen persyaratan.', 'Sosialisasikan kanal pengaduan kepada OPD.'],
      'Tindak lanjut tinjauan sebelumnya sebagian besar selesai; IKM dan respons pertama dipantau.',
    );

    const create = async (
      when: number,
      input: {
        reviewId: string | null;
        title: string;
        description: string;
        owner: { user: AuthUser } | { position: string };
        dueOn: number;
      },
    ) => {
      at(when);
      return this.actions.timed('review.action', () =>
        this.reviews.createAction(manager, {
          office: office.code,
          reviewId: input.reviewId,
          title: input.title,
          description: input.description,
          ownerUserId: 'user' in input.owner ? input.owner.user.id : null,
          ownerPosition: 'position' in input.owner ? input.owner.position : null,
          dueOn: localDay(input.dueOn, off),
        }),
      );
    };
    const move = async (
      when: number,
      action: Awaited<ReturnType<ReviewsService['createAction']>>,
      status: 'in-progress' | 'done' | 'cancelled',
      closingNote: string | null = null,
    ) => {
      at(when);
      return this.actions.timed('review.action', () =>
        this.reviews.updateAction(manager, action.id, {
          title: action.title,
          description: action.description,
          ownerUserId: action.ownerUserId,
          ownerPosition: action.ownerPosition,
          dueOn: action.dueOn,
          status,
          closingNote,
          expectedVersion: action.version,
        }),
      );
    };

    const sop = await create(heldA, {
      reviewId: a.id,
      title: 'Perbarui SOP pelayanan',
      description: 'Sesuaikan waktu tiap langkah prosedur dengan praktik dan standar pelayanan.',
      owner: { position: first },
      dueOn: heldA + 30 * DAY,
    });
    await move(
      heldA + 25 * DAY,
      await move(heldA + 6 * DAY, sop, 'in-progress'),
      'done',
      'SOP baru disahkan dan diumumkan di katalog layanan.',
    );
    const staff = await create(heldA, {
      reviewId: a.id,
      title: 'Tambah petugas jaga helpdesk pada jam sibuk',
      description: 'Senin pagi dan Jumat siang.',
      owner: { user: office.helpdesk },
      dueOn: heldA + 21 * DAY,
    });
    await move(
      heldA + 30 * DAY,
      staff,
      'done',
      'Jadwal jaga bergilir berlaku; selesai terlambat sepekan.',
    );
    const verify = await create(heldB, {
      reviewId: b.id,
      title: 'Percepat verifikasi dokumen persyaratan',
      description: 'Periksa kelengkapan dokumen pada hari kerja yang sama dengan penerimaan.',
      owner: { position: second },
      dueOn: heldB + 30 * DAY,
    });
    await move(heldB + 3 * DAY, verify, 'in-progress');
    await create(heldB, {
      reviewId: b.id,
      title: 'Sosialisasikan kanal pengaduan kepada OPD',
      description: 'Surat edaran dan pengumuman di portal.',
      owner: { position: first },
      dueOn: heldB + 7 * DAY,
    });
    await create(heldB + 2 * DAY, {
      reviewId: null,
      title: 'Uji pemulihan cadangan data layanan',
      description: 'Pulihkan cadangan ke server uji dan catat waktunya.',
      owner: { position: second },
      dueOn: until + 45 * DAY,
    });
    return { reviews: 2, actions: 5 };
  }
}
