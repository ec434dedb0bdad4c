import type { ReportLang } from '@sigap/contracts';

/** The printed report's wording, Bahasa Indonesia first. */
export interface EvaluationTexts {
  title: string;
  monthly: string;
  yearly: string;
  office: string;
  period: string;
  printed: string;
  dataAsOf: string;
  summary: string;
  perService: string;
  service: string;
  tickets: string;
  met: string;
  metLate: string;
  breached: string;
  withinLimit: string;
  average: string;
  p90: string;
  ikm: string;
  respondents: string;
  complaints: string;
  allServices: string;
  complaintsWithoutService: string;
  /** "dihitung dari langkah": a component computed from the steps, not published. */
  derived: string;
  derivedFields: Record<'serviceTime' | 'cost' | 'products' | 'requirements', string>;
  incidents: string;
  incidentGroup: string;
  incidentCount: string;
  response: string;
  resolution: string;
  mttr: string;
  allIncidents: string;
  noIncidents: string;
  changes: string;
  changeGroup: string;
  changeCount: string;
  implemented: string;
  successRate: string;
  failedRolledBack: string;
  rejected: string;
  incidentsCaused: string;
  approvalsOnTime: string;
  allChanges: string;
  noChanges: string;
  risks: Record<'rendah' | 'sedang' | 'tinggi', string>;
  hours: Record<'office' | '24x7', string>;
  breaches: string;
  noBreaches: string;
  ticket: string;
  lateSteps: string;
  reason: string;
  wholeTicket: string;
  workingTime: string;
  notListed: (n: number) => string;
  noReason: string;
  notes: string[];
  /** The signer's title above the signature: the office head's title and the office's name. */
  head: (office: string) => string;
  name: string;
  nip: string;
  page: (n: number, of: number) => string;
  months: string[];
  minutes: (m: number) => string;
}

const ID: EvaluationTexts = {
  title: 'LAPORAN EVALUASI KINERJA PELAYANAN',
  monthly: 'Bulanan',
  yearly: 'Tahunan',
  office: 'Kantor',
  period: 'Periode',
  printed: 'Dicetak',
  dataAsOf: 'Data tiket selesai per',
  summary: 'Ringkasan',
  perService: 'Kinerja per layanan',
  service: 'Layanan',
  tickets: 'Tiket',
  met: 'Tepat target',
  metLate: 'Dalam batas',
  breached: 'Melewati batas',
  withinLimit: 'Kepatuhan',
  average: 'Rata-rata waktu',
  p90: 'P90 waktu',
  ikm: 'IKM (mutu)',
  respondents: 'Responden',
  complaints: 'Pengaduan',
  allServices: 'Semua layanan',
  complaintsWithoutService: 'Pengaduan tanpa layanan',
  derived: 'dihitung dari langkah (tidak diterbitkan dalam standar)',
  derivedFields: {
    serviceTime: 'waktu layanan',
    cost: 'biaya',
    products: 'produk',
    requirements: 'persyaratan',
  },
  incidents: 'Gangguan (insiden) per prioritas dan per layanan TI',
  incidentGroup: 'Prioritas / layanan TI',
  incidentCount: 'Gangguan',
  response: 'Kepatuhan respons',
  resolution: 'Kepatuhan penyelesaian',
  mttr: 'Rata-rata waktu pemulihan',
  allIncidents: 'Semua gangguan',
  noIncidents: 'Tidak ada gangguan yang selesai pada periode ini.',
  changes: 'Perubahan (menurut tingkat risiko)',
  changeGroup: 'Risiko',
  changeCount: 'Selesai',
  implemented: 'Dilaksanakan',
  successRate: 'Berhasil',
  failedRolledBack: 'Gagal / dibatalkan',
  rejected: 'Ditolak',
  incidentsCaused: 'Gangguan akibat perubahan',
  approvalsOnTime: 'Persetujuan tepat waktu',
  allChanges: 'Semua perubahan',
  noChanges: 'Tidak ada perubahan yang selesai pada periode ini.',
  risks: { rendah: 'Risiko rendah', sedang: 'Risiko sedang', tinggi: 'Risiko tinggi' },
  hours: { office: 'jam kerja', '24x7': '24x7' },
  breaches: 'Pelanggaran standar waktu dan penyebabnya',
  noBreaches: 'Tidak ada tiket atau langkah yang melewati batas waktu pada periode ini.',
  ticket: 'Tiket',
  lateSteps: 'Langkah terlambat (jabatan)',
  reason: 'Keterangan (catatan internal terakhir)',
  wholeTicket: 'Seluruh tiket melewati batas',
  workingTime: 'waktu kerja',
  notListed: (n) => `… dan ${n} tiket lain yang tidak dicantumkan.`,
  noReason: '-',
  notes: [
    'Kepatuhan = (tepat target + dalam batas) / tiket selesai. Waktu dihitung dalam jam kerja kantor.',
    'Gangguan: waktu respons, penyelesaian dan pemulihan dihitung pada kalender layanan TI yang terdampak (24x7 atau jam kerja); jeda menunggu pelapor tidak dihitung.',
    'IKM menurut Permenpan RB No. 14 Tahun 2017: nilai konversi 25-100 dan mutu A-D.',
  ],
  // An office already named "Dinas …" is headed by "Kepala Dinas …", not "Kepala Dinas Dinas …".
  head: (office) =>
    /^dinas\s/i.test(office.trim()) ? `Kepala ${office}` : `Kepala Dinas ${office}`,
  name: 'Nama',
  nip: 'NIP',
  page: (n, of) => `Halaman ${n} dari ${of}`,
  months: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  minutes: (m) => formatMinutes(m, 'j', 'mnt'),
};

const EN: EvaluationTexts = {
  title: 'SERVICE PERFORMANCE EVALUATION REPORT',
  monthly: 'Monthly',
  yearly: 'Yearly',
  office: 'Office',
  period: 'Period',
  printed: 'Printed',
  dataAsOf: 'Closed tickets counted up to',
  summary: 'Summary',
  perService: 'Performance per service',
  service: 'Service',
  tickets: 'Tickets',
  met: 'On target',
  metLate: 'Within limit',
  breached: 'Breached',
  withinLimit: 'Compliance',
  average: 'Average time',
  p90: 'P90 time',
  ikm: 'IKM (grade)',
  respondents: 'Respondents',
  complaints: 'Complaints',
  allServices: 'All services',
  complaintsWithoutService: 'Complaints without a service',
  derived: 'dihitung dari langkah (computed from the steps, not published in the standard)',
  derivedFields: {
    serviceTime: 'service time',
    cost: 'cost',
    products: 'products',
    requirements: 'requirements',
  },
  incidents: 'Incidents by priority and by IT service',
  incidentGroup: 'Priority / IT service',
  incidentCount: 'Incidents',
  response: 'Response compliance',
  resolution: 'Resolution compliance',
  mttr: 'Mean time to restore',
  allIncidents: 'All incidents',
  noIncidents: 'No incident was closed in this period.',
  changes: 'Changes (by risk level)',
  changeGroup: 'Risk',
  changeCount: 'Finished',
  implemented: 'Implemented',
  successRate: 'Successful',
  failedRolledBack: 'Failed / rolled back',
  rejected: 'Rejected',
  incidentsCaused: 'Incidents caused',
  approvalsOnTime: 'Approvals on time',
  allChanges: 'All changes',
  noChanges: 'No change was finished in this period.',
  risks: { rendah: 'Low risk', sedang: 'Medium risk', tinggi: 'High risk' },
  hours: { office: 'working hours', '24x7': '24x7' },
  breaches: 'Time standard breaches and their reasons',
  noBreaches: 'No ticket or step went past its time limit in this period.',
  ticket: 'Ticket',
  lateSteps: 'Late steps (position)',
  reason: 'Reason (last internal note)',
  wholeTicket: 'Whole ticket past its limit',
  workingTime: 'working time',
  notListed: (n) => `… and ${n} more tickets not listed.`,
  noReason: '-',
  notes: [
    'Compliance = (on target + within limit) / closed tickets. Times are office working hours.',
    "Incidents: response, resolution and restore times run on the affected IT service's calendar (24x7 or working hours); time waiting on the reporter is not counted.",
    'IKM per Permenpan RB No. 14/2017: converted value 25-100 and grade A-D.',
  ],
  head: (office) => `Head of Office ${office}`,
  name: 'Name',
  nip: 'NIP',
  page: (n, of) => `Page ${n} of ${of}`,
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  minutes: (m) => formatMinutes(m, 'h', 'min'),
};

function formatMinutes(minutes: number, h: string, min: string): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (!hours) return `${rest} ${min}`;
  return rest ? `${hours} ${h} ${rest} ${min}` : `${hours} ${h}`;
}

export function evaluationTexts(lang: ReportLang): EvaluationTexts {
  return lang === 'en' ? EN : ID;
}
