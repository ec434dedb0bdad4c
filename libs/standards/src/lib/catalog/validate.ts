/**
 * Checks a service standard against its office: every executor is a position of the office's
 * table, steps are numbered 1..n, times are readable by the duration grammar, codes are unique.
 */
import { readDuration } from '../duration/duration';
import type { Duration, OfficeDefinition, ServiceStandard } from '../model';
import type { CatalogIssue } from './issues';

const CODE_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Days, weeks and months count whole on the SLA clock ("½ hari" has no due time of its own). */
function whole(d: Duration): boolean {
  if (d.unit === 'minute' || d.unit === 'hour') return true;
  return Number.isInteger(d.min) && Number.isInteger(d.max);
}

function notWhole(text: string): string {
  return `waktu "${text}" memakai pecahan hari, minggu atau bulan; jam SLA menghitung satuan itu utuh, tulis dalam jam atau menit`;
}

export function validateStandard(
  standard: ServiceStandard,
  office: OfficeDefinition,
): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const positions = new Set(office.positions.map((p) => p.code));
  const requesterSide = new Set(office.positions.filter((p) => p.requesterSide).map((p) => p.code));

  if (standard.office !== office.code) {
    add(
      'office',
      `kantor "${standard.office}" tidak sama dengan kantor "${office.code}" yang dipakai untuk memeriksa`,
    );
  }
  if (!CODE_RE.test(standard.code)) {
    add('code', `kode layanan "${standard.code}" hanya boleh huruf kecil, angka dan tanda -`);
  }
  if (standard.requirements.length === 0 && standard.kind === 'standar-pelayanan') {
    add('requirements', 'standar pelayanan harus memuat paling sedikit satu persyaratan');
  }

  const reqCodes = new Map<string, number>();
  standard.requirements.forEach((r, i) => {
    if (reqCodes.has(r.code)) {
      add(
        `requirements[${i}].code`,
        `kode "${r.code}" sudah dipakai di requirements[${reqCodes.get(r.code)}]`,
      );
    } else reqCodes.set(r.code, i);
    if (r.options && r.options.length < 2) {
      add(
        `requirements[${i}].options`,
        'pilihan persyaratan harus paling sedikit dua (bila hanya satu, tulis sebagai text)',
      );
    }
    r.options?.forEach((o, j) => {
      if (o.items.length === 0)
        add(`requirements[${i}].options[${j}].items`, 'pilihan tanpa butir dokumen');
    });
  });

  if (standard.steps.length === 0)
    add('steps', 'prosedur harus memuat paling sedikit satu langkah');
  standard.steps.forEach((s, i) => {
    const at = `steps[${i}]`;
    if (s.order !== i + 1) add(`${at}.order`, `urutan langkah harus ${i + 1}, tertulis ${s.order}`);
    if (s.executors.length === 0)
      add(`${at}.executors`, 'langkah harus punya paling sedikit satu pelaksana');
    const seen = new Set<string>();
    s.executors.forEach((e, j) => {
      if (!positions.has(e)) {
        add(
          `${at}.executors[${j}]`,
          `posisi "${e}" tidak ada di tabel posisi kantor ${office.code}`,
        );
      }
      if (seen.has(e)) add(`${at}.executors[${j}]`, `posisi "${e}" tertulis dua kali`);
      seen.add(e);
    });
    if (s.time !== null) {
      const d = readDuration(s.time);
      if (!d.ok) add(`${at}.time`, `waktu "${s.time}" tidak terbaca: ${d.error.message}`);
      else if (!whole(d.value)) add(`${at}.time`, notWhole(s.time));
    }
    if (s.owner !== undefined) {
      if (!s.executors.includes(s.owner))
        add(`${at}.owner`, `penanggung jawab "${s.owner}" harus salah satu pelaksana langkah`);
      else if (requesterSide.has(s.owner) && s.executors.some((e) => !requesterSide.has(e)))
        add(
          `${at}.owner`,
          `penanggung jawab "${s.owner}" ada di pihak pemohon, padahal posisi kantor ikut mengerjakan`,
        );
    }
    s.participants?.forEach((p, j) => {
      if (!p.trim()) add(`${at}.participants[${j}]`, 'pihak yang ikut tidak boleh kosong');
      else if (
        s.participants?.findIndex((o) => o.trim().toLowerCase() === p.trim().toLowerCase()) !== j
      )
        add(`${at}.participants[${j}]`, `"${p.trim()}" disebut dua kali`);
    });
    if (!s.followUp && i > 0 && standard.steps[i - 1].followUp)
      add(`${at}.followUp`, 'langkah tindak lanjut harus di akhir prosedur, setelah langkah biasa');
    if (s.followUp && i === 0)
      add(`${at}.followUp`, 'langkah pertama tidak dapat menjadi tindak lanjut');
    if (i === 0 && s.parallelWithPrevious) {
      add(`${at}.parallelWithPrevious`, 'langkah pertama tidak punya langkah sebelumnya');
    }
  });

  const total = readDuration(standard.serviceTime.text);
  if (!total.ok) {
    add(
      'serviceTime.text',
      `waktu "${standard.serviceTime.text}" tidak terbaca: ${total.error.message}`,
    );
  } else if (!whole(total.value)) {
    add('serviceTime.text', notWhole(standard.serviceTime.text));
  } else if (total.value.startsWhen === 'complete' && standard.clockStartsWhen !== 'complete') {
    add(
      'clockStartsWhen',
      'waktu layanan dihitung sejak berkas lengkap, tetapi clockStartsWhen bukan "complete"',
    );
  }
  const channels = new Set<string>();
  standard.serviceTime.byChannel?.forEach((c, i) => {
    const d = readDuration(c.text);
    if (!d.ok)
      add(
        `serviceTime.byChannel[${i}].text`,
        `waktu "${c.text}" tidak terbaca: ${d.error.message}`,
      );
    else if (!whole(d.value)) add(`serviceTime.byChannel[${i}].text`, notWhole(c.text));
    if (channels.has(c.channel))
      add(`serviceTime.byChannel[${i}].channel`, `kanal "${c.channel}" tertulis dua kali`);
    channels.add(c.channel);
  });

  const derived = new Set<string>();
  standard.derived?.forEach((d, i) => {
    if (derived.has(d)) add(`derived[${i}]`, `"${d}" tertulis dua kali`);
    derived.add(d);
  });

  if (standard.kind === 'sop' && !standard.sop)
    add('sop', 'SOP harus memuat kepala SOP (nomor, tanggal, pengesah ...)');
  return issues;
}
