/**
 * Turns what a reader found (sections as text lines, or SOP steps) into the import answer: a
 * draft `ServiceStandard` plus the lists an admin reviews, with a warning for each part that
 * could not be mapped.
 */
import { readDuration, splitLeadingLabel } from '../duration/duration';
import type {
  Channel,
  ComplaintChannel,
  Duration,
  InternalComponents,
  OfficeDefinition,
  Requirement,
  ServiceStandard,
  SopHeader,
  Step,
} from '../model';
import { stepOwner } from '../model';
import { deriveFromSteps, FREE_RE, type DeriveOptions } from './derive';
import { mapToPositions, readExecutors } from './executors';
import { channelsOfPiece, isLeadIn, splitChannelRun } from './channels';
import {
  listItems,
  splitCommaList,
  splitInstruments,
  splitRepeatedHeads,
  stripNumbering,
} from './lists';
import { SECTION_NAMES, type SectionKey } from './sections';

/** One step of the import answer. Same shape as `ImportedStep` in libs/contracts. */
export interface ImportedDraftStep {
  order: number;
  description: string;
  /** Position names as written, or position codes when an office table was given. */
  executors: string[];
  duration: Duration | null;
  time: string | null;
  inputs: string[];
  output: string | null;
}

/** The import answer. Same shape as `ImportResult` in libs/contracts (kept assignable). */
export interface ImportDraftResult {
  name: string;
  requirements: string[];
  steps: ImportedDraftStep[];
  serviceTime: Duration | null;
  serviceTimeText: string | null;
  cost: { text: string; free: boolean } | null;
  product: string[];
  complaintChannels: string[];
  legalBasis: string[];
  internal: InternalComponents;
  warnings: string[];
  draft: ServiceStandard;
}

/** A step as a reader found it (the SOP reader fills the mutu baku columns). */
export interface RawStep {
  description: string;
  /** Executor names from the SOP marks; undefined when they must be read from the text. */
  marked?: string[];
  time?: string | null;
  inputs?: string[];
  output?: string | null;
  notes?: string | null;
  /** The step's cost column, when the SOP has one. */
  cost?: string | null;
}

export interface RawStandard {
  kind: 'standar-pelayanan' | 'sop';
  name: string | null;
  decree: string | null;
  /** Section text, one entry per line as published (HTML already turned into lines). */
  sections: Partial<Record<SectionKey, string[]>>;
  /** Steps already split (SOP); otherwise read from `sections.steps`. */
  steps?: RawStep[];
  sop?: SopHeader;
  /** Complaint handling the standard describes besides its channels (tiers of working days). */
  complaintNote?: string;
  warnings: string[];
}

export class ImportError extends Error {
  readonly code = 'IMPORT_UNREADABLE';
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'layanan'
  );
}

function channelOfLabel(label: string): Channel | null {
  const l = label.toLowerCase();
  if (/langsung|datang|tatap muka|walk/.test(l)) return 'walk-in';
  if (/e-?mail|surel/.test(l)) return 'email';
  if (/surat|tertulis/.test(l)) return 'letter';
  if (/portal|online|daring|aplikasi|website/.test(l)) return 'portal';
  if (/telepon|telp|phone/.test(l)) return 'phone';
  return null;
}

/** Every intake channel a requirement line mentions, in a fixed order. */
function channelsIn(text: string): Channel[] {
  const t = text.toLowerCase();
  const found: Channel[] = [];
  if (/\bsurat\b|tertulis/.test(t)) found.push('letter');
  if (/e-?mail|surel/.test(t)) found.push('email');
  if (/portal|aplikasi layanan|online|daring/.test(t)) found.push('portal');
  if (/langsung|datang/.test(t)) found.push('walk-in');
  return found;
}

/** Complaint channels of one published item ("3. Email : x@y", a paragraph with several). */
export function complaintChannelsOf(item: string): ComplaintChannel[] {
  if (/sp4n|\blapor!/i.test(item)) return [{ kind: 'sp4n-lapor', value: item }];
  const found: ComplaintChannel[] = [];
  if (/\bsurat\b|tertulis/i.test(item)) {
    const address = /kepada\s+([^()]*\((?:jl|jln|jalan)\.?[^)]*?)(?=\s+tel|\)|$)/i.exec(item);
    if (address) found.push({ kind: 'letter', value: address[1].trim() });
  }
  const phone = /tel(?:p|pon|epon)?\.?\s*:?\s*(\(?\d[\d() -]{5,}\d)/i.exec(item);
  if (phone) found.push({ kind: 'phone', value: phone[1].trim() });
  for (const m of item.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g))
    found.push({ kind: 'email', value: m[0] });
  const fax = /fa(?:x|ksimile|ximile|csimile)\.?\s*:?\s*(\(?\d[\d() -]{5,}\d)/i.exec(item);
  if (fax) found.push({ kind: 'fax', value: fax[1].trim() });
  const links = [...item.matchAll(/\bhttps?:\/\/[^\s<>)"]+/gi)].map((m) => m[0]);
  const rest = item
    .replace(/\bhttps?:\/\/[^\s<>)"]+/gi, ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ');
  const bareDomains = [...rest.matchAll(/\b(?:[a-z0-9-]+\.)+go\.id\b/gi)].map((m) => m[0]);
  const urls = [...links, ...bareDomains];
  const portal = /aplikasi|portal/i.test(rest);
  for (const u of urls) {
    found.push({
      kind: portal ? 'portal' : 'website',
      value: urls.length === 1 && portal ? item : u,
    });
  }
  return found.length > 0 ? found : [{ kind: 'other', value: item }];
}

function joinText(lines: string[] | undefined): string | null {
  if (!lines || lines.length === 0) return null;
  const text = lines
    .map((l) => stripNumbering(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

const SUBMISSION_RE =
  /^(?:semua |seluruh )?persyaratan\b.*\b(disampaikan|diserahkan|diunggah|dikirim|melalui)\b/i;

function readRequirements(
  items: string[],
  warnings: string[],
): { lines: string[]; requirements: Requirement[]; submissionNote: string | null } {
  const lines: string[] = [];
  let submissionNote: string | null = null;
  items.forEach((item, i) => {
    if (SUBMISSION_RE.test(item)) {
      submissionNote = item;
      warnings.push(
        `Butir persyaratan ${i + 1} ("${short(item)}") bukan dokumen: dibaca sebagai catatan cara penyampaian.`,
      );
    } else lines.push(item);
  });
  const requirements: Requirement[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Lines ending in "atau" offer alternatives: one requirement with options.
    if (/\batau\s*$/i.test(lines[i]) && i + 1 < lines.length) {
      let j = i;
      while (j + 1 < lines.length && /\batau\s*$/i.test(lines[j])) j++;
      const group = lines.slice(i, j + 1);
      requirements.push({
        code: `r${requirements.length + 1}`,
        text: group.map((g) => g.replace(/[;,]?\s*atau\s*$/i, '')).join(' atau '),
        options: group.map((g, k) => {
          const [channel, ...alsoChannels] = channelsIn(g);
          return {
            label: `Pilihan ${k + 1}`,
            ...(channel ? { channel } : {}),
            ...(alsoChannels.length > 0 ? { alsoChannels } : {}),
            items: [g],
          };
        }),
      });
      warnings.push(
        `Persyaratan ${i + 1} s.d. ${j + 1} dibaca sebagai pilihan (cukup salah satu); periksa label pilihannya.`,
      );
      i = j;
    } else requirements.push({ code: `r${requirements.length + 1}`, text: lines[i] });
  }
  return { lines, requirements, submissionNote };
}

/** A sentence about time rather than a time standard ("relatif singkat ... lebih lama"). */
function isProse(text: string): boolean {
  return text.split(/\s+/).length > 8;
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Builds the import answer. `office` maps executor names to position codes. */
export function buildDraft(
  raw: RawStandard,
  office?: OfficeDefinition,
  options: DeriveOptions = {},
): ImportDraftResult {
  const warnings = [...raw.warnings];
  /** How the times were read where the grammar had to choose; kept with the draft. */
  const readingNotes: string[] = [];
  const s = raw.sections;
  const name = raw.name?.trim() || '';
  if (!name) warnings.push('Nama layanan tidak ditemukan; isi sendiri.');

  const expected: SectionKey[] = [
    'requirements',
    'steps',
    'time',
    'cost',
    'products',
    'complaints',
  ];
  for (const key of expected) {
    const present =
      key === 'steps'
        ? (raw.steps?.length ?? 0) > 0 || (s.steps?.length ?? 0) > 0
        : (s[key]?.length ?? 0) > 0;
    if (!present) warnings.push(`Bagian "${SECTION_NAMES[key]}" tidak ditemukan dalam teks.`);
  }

  const req = readRequirements(listItems(s.requirements ?? []), warnings);

  const rawSteps: RawStep[] =
    raw.steps ?? listItems(s.steps ?? []).map((description) => ({ description }));
  const steps: ImportedDraftStep[] = [];
  const draftSteps: Step[] = [];
  rawSteps.forEach((rs, i) => {
    const order = i + 1;
    let names = rs.marked ?? [];
    if (!rs.marked || rs.marked.length === 0) {
      const reading = readExecutors(rs.description);
      names = reading.names;
      if (reading.how === 'none')
        warnings.push(`Langkah ${order}: pelaksana tidak dapat dibaca dari teks; pilih posisinya.`);
      if (reading.how === 'mention') {
        warnings.push(
          `Langkah ${order}: pelaksana "${names.join(', ')}" ditebak dari sebutan pertama di teks; periksa.`,
        );
      }
    }
    let executors = names;
    if (office) {
      const mapped = mapToPositions(names, office);
      for (const u of mapped.unmatched) {
        warnings.push(
          `Langkah ${order}: pelaksana "${u}" tidak ada di tabel posisi kantor ${office.code}.`,
        );
      }
      executors = [...mapped.codes, ...mapped.unmatched];
    }
    const time = rs.time?.trim() || null;
    let duration: Duration | null = null;
    if (time) {
      const d = readDuration(time);
      if (d.ok) {
        duration = d.value;
        for (const n of d.notes ?? []) {
          warnings.push(`Langkah ${order}: waktu "${time}": ${n}.`);
          readingNotes.push(`Langkah ${order}: waktu "${time}": ${n}.`);
        }
      } else warnings.push(`Langkah ${order}: waktu "${time}" tidak terbaca (${d.error.message}).`);
    }
    const inputs = rs.inputs ?? [];
    const output = rs.output?.trim() || null;
    steps.push({ order, description: rs.description, executors, duration, time, inputs, output });
    const draftStep: Step = {
      order,
      description: rs.description,
      executors,
      time,
      inputs,
      output,
      notes: rs.notes?.trim() || null,
    };
    if (rs.cost !== undefined) draftStep.cost = rs.cost?.trim() || null;
    // The OPD named first with the office's team: the office position still owns the step.
    if (office) {
      const side = new Set(office.positions.filter((p) => p.requesterSide).map((p) => p.code));
      const owner = stepOwner(draftStep, (code) => side.has(code));
      if (owner && owner !== executors[0]) draftStep.owner = owner;
    }
    draftSteps.push(draftStep);
  });

  // Total time: the first unlabelled line; labelled lines ("Datang Langsung : 30 menit") per channel.
  let serviceTimeText: string | null = null;
  let serviceTime: Duration | null = null;
  const byChannel: { channel: Channel; text: string }[] = [];
  for (const line of s.time ?? []) {
    const { label, rest } = splitLeadingLabel(line);
    const channel = label ? channelOfLabel(label) : null;
    if (label && channel) {
      byChannel.push({ channel, text: rest.trim() });
      const d = readDuration(rest);
      if (!d.ok)
        warnings.push(
          `Waktu kanal "${label}" ("${rest.trim()}") tidak terbaca (${d.error.message}).`,
        );
      else
        for (const n of d.notes ?? []) {
          warnings.push(`Waktu kanal "${label}": ${n}.`);
          readingNotes.push(`Waktu kanal "${label}": ${n}.`);
        }
      continue;
    }
    if (serviceTimeText === null) {
      serviceTimeText = stripNumbering(line.trim()) || line.trim();
      const d = readDuration(serviceTimeText);
      if (d.ok) {
        serviceTime = d.value;
        for (const n of d.notes ?? []) {
          warnings.push(`Waktu penyelesaian: ${n}.`);
          readingNotes.push(`Waktu penyelesaian: ${n}.`);
        }
      } else if (isProse(serviceTimeText)) {
        warnings.push(
          `Waktu penyelesaian ditulis sebagai uraian, bukan standar waktu ("${short(serviceTimeText)}"); tidak ada waktu yang dibaca, isi sendiri.`,
        );
      } else
        warnings.push(
          `Waktu penyelesaian "${serviceTimeText}" tidak terbaca (${d.error.message}).`,
        );
    } else warnings.push(`Baris waktu "${short(line)}" tidak dipetakan.`);
  }

  const costText = joinText(s.cost);
  const cost = costText ? { text: costText, free: FREE_RE.test(costText) } : null;
  if (cost && !cost.free && !/rp|rupiah|\d/i.test(cost.text)) {
    warnings.push(`Biaya "${short(cost.text)}" tidak jelas gratis atau berbayar; periksa.`);
  }
  const product = listItems(s.products ?? []);
  const complaintItems = listItems(s.complaints ?? [])
    .flatMap(splitChannelRun)
    .filter((item) => !isLeadIn(item));
  const complaintChannels: ComplaintChannel[] = [];
  for (const item of complaintItems) {
    const labelled = channelsOfPiece(item);
    if (labelled) {
      complaintChannels.push(...labelled);
      continue;
    }
    for (const c of complaintChannelsOf(item)) {
      complaintChannels.push(c);
      if (c.kind === 'other')
        warnings.push(`Kanal pengaduan "${short(c.value)}" tidak dikenali jenisnya.`);
    }
  }

  const internal: InternalComponents = {
    legalBasis: listItems(s.legalBasis ?? []).flatMap(splitInstruments),
    facilities: listItems(s.facilities ?? []).flatMap((i) =>
      splitCommaList(i).flatMap(splitRepeatedHeads),
    ),
    competencies: listItems(s.competencies ?? []).flatMap(splitRepeatedHeads),
    supervision: listItems(s.supervision ?? []).flatMap(splitRepeatedHeads),
    staffCount: joinText(s.staffCount),
    serviceGuarantee: joinText(s.serviceGuarantee),
    securityGuarantee: joinText(s.securityGuarantee),
    performanceEvaluation: joinText(s.performanceEvaluation),
  };

  const draft: ServiceStandard = {
    code: slug(name || raw.sop?.name || 'layanan'),
    office: office?.code ?? '',
    name,
    kind: raw.kind,
    decree: raw.decree?.trim() || null,
    requirements: req.requirements,
    steps: draftSteps,
    serviceTime: { text: serviceTimeText ?? '', ...(byChannel.length > 0 ? { byChannel } : {}) },
    clockStartsWhen: serviceTime?.startsWhen === 'complete' ? 'complete' : 'received',
    cost: cost ?? { text: '', free: false },
    products: product,
    complaintChannels,
    internal,
    readingNotes,
    source: null,
  };
  if (req.submissionNote) draft.submissionNote = req.submissionNote;
  // A paragraph that names several channels is kept as written too.
  if (
    complaintItems.length === 1 &&
    complaintChannels.length > 1 &&
    channelsOfPiece(complaintItems[0]) === null
  )
    draft.complaintNote = complaintItems[0];
  if (raw.complaintNote)
    draft.complaintNote = draft.complaintNote
      ? `${draft.complaintNote} ${raw.complaintNote}`
      : raw.complaintNote;
  if (raw.sop) draft.sop = raw.sop;
  deriveFromSteps(draft, warnings, options);

  return {
    name,
    requirements: req.lines,
    steps,
    serviceTime,
    serviceTimeText,
    cost,
    product,
    complaintChannels: complaintItems,
    legalBasis: internal.legalBasis,
    internal,
    warnings,
    draft,
  };
}
