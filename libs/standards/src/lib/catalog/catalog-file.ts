/**
 * Catalog files: one YAML file per service standard (`tools/seed/catalog/<office>/<code>.yaml`)
 * and one per office (`tools/seed/offices/<code>.yaml`). The YAML keys are the model's field
 * names. Readers check the shape and name the field path of every problem; `validateStandard`
 * (validate.ts) checks a standard against its office.
 */
import { parseDocument, stringify } from 'yaml';
import {
  CHANNELS,
  DERIVED_FIELDS,
  type Channel,
  type DerivedField,
  type ComplaintChannel,
  type ComplaintChannelKind,
  type InternalComponents,
  type OfficeDefinition,
  type PositionDefinition,
  type Requirement,
  type RequirementOption,
  type ServiceStandard,
  type SopHeader,
  type Step,
} from '../model';
import { CatalogFileError, type CatalogIssue, FieldReader } from './issues';

const COMPLAINT_KINDS: readonly ComplaintChannelKind[] = [
  'letter',
  'email',
  'phone',
  'fax',
  'website',
  'portal',
  'sp4n-lapor',
  'other',
];

function loadYaml(text: string, what: string): unknown {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new CatalogFileError([{ path: '', message: 'berkas kosong' }], what);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new CatalogFileError(
      doc.errors.map((e) => ({
        path: '',
        message: `YAML tidak dapat dibaca${e.linePos ? ` (baris ${e.linePos[0].line}, kolom ${e.linePos[0].col})` : ''}: ${e.message.split('\n')[0]}`,
      })),
      what,
    );
  }
  return doc.toJS();
}

function readOption(x: unknown, path: string, issues: CatalogIssue[]): RequirementOption {
  const r = FieldReader.of(x, path, issues);
  if (!r) return { label: '', items: [] };
  const option: RequirementOption = { label: r.string('label'), items: r.stringList('items') };
  if (r.has('channel')) option.channel = r.oneOf('channel', CHANNELS);
  if (r.has('alsoChannels')) {
    option.alsoChannels = r.list('alsoChannels', (c, p) => channelItem(c, p, issues));
  }
  r.rejectUnknown();
  return option;
}

function channelItem(x: unknown, path: string, issues: CatalogIssue[]): Channel {
  if (typeof x !== 'string' || !(CHANNELS as readonly string[]).includes(x)) {
    issues.push({
      path,
      message: `kanal "${String(x)}" tidak dikenal; pilihan: ${CHANNELS.join(', ')}`,
    });
    return 'letter';
  }
  return x as Channel;
}

function readRequirement(x: unknown, path: string, issues: CatalogIssue[]): Requirement {
  const r = FieldReader.of(x, path, issues);
  if (!r) return { code: '', text: '' };
  const req: Requirement = { code: r.string('code'), text: r.string('text') };
  if (r.has('options')) req.options = r.list('options', (o, p) => readOption(o, p, issues));
  if (r.has('optional')) req.optional = r.boolean('optional');
  r.rejectUnknown();
  return req;
}

function readStep(x: unknown, path: string, issues: CatalogIssue[]): Step {
  const r = FieldReader.of(x, path, issues);
  if (!r)
    return {
      order: 0,
      description: '',
      executors: [],
      time: null,
      inputs: [],
      output: null,
      notes: null,
    };
  const step: Step = {
    order: r.integer('order'),
    description: r.string('description'),
    executors: r.stringList('executors'),
    time: r.nullableString('time'),
    inputs: r.stringList('inputs', true),
    output: r.nullableString('output'),
    notes: r.nullableString('notes'),
  };
  if (r.has('parallelWithPrevious')) step.parallelWithPrevious = r.boolean('parallelWithPrevious');
  if (r.has('owner')) step.owner = r.string('owner');
  if (r.has('participants')) step.participants = r.stringList('participants');
  if (r.has('followUp')) step.followUp = r.boolean('followUp');
  if (r.has('cost')) step.cost = r.nullableString('cost');
  r.rejectUnknown();
  return step;
}

function readComplaint(x: unknown, path: string, issues: CatalogIssue[]): ComplaintChannel {
  const r = FieldReader.of(x, path, issues);
  if (!r) return { kind: 'other', value: '' };
  const c: ComplaintChannel = { kind: r.oneOf('kind', COMPLAINT_KINDS), value: r.string('value') };
  r.rejectUnknown();
  return c;
}

function emptyInternal(): InternalComponents {
  return {
    legalBasis: [],
    facilities: [],
    competencies: [],
    supervision: [],
    staffCount: null,
    serviceGuarantee: null,
    securityGuarantee: null,
    performanceEvaluation: null,
  };
}

function readInternal(r: FieldReader | null): InternalComponents {
  if (!r) return emptyInternal();
  const internal: InternalComponents = {
    legalBasis: r.stringList('legalBasis', true),
    facilities: r.stringList('facilities', true),
    competencies: r.stringList('competencies', true),
    supervision: r.stringList('supervision', true),
    staffCount: r.nullableString('staffCount'),
    serviceGuarantee: r.nullableString('serviceGuarantee'),
    securityGuarantee: r.nullableString('securityGuarantee'),
    performanceEvaluation: r.nullableString('performanceEvaluation'),
  };
  r.rejectUnknown();
  return internal;
}

function readSop(r: FieldReader): SopHeader {
  const sop: SopHeader = {
    number: r.nullableString('number'),
    madeOn: r.nullableString('madeOn'),
    revisedOn: r.nullableString('revisedOn'),
    effectiveOn: r.nullableString('effectiveOn'),
    approvedBy: r.nullableString('approvedBy'),
    name: r.nullableString('name'),
    executorQualifications: r.stringList('executorQualifications', true),
    relatedSops: r.stringList('relatedSops', true),
    equipment: r.stringList('equipment', true),
    warnings: r.stringList('warnings', true),
    recordKeeping: r.stringList('recordKeeping', true),
  };
  if (r.has('title')) sop.title = r.nullableString('title');
  if (r.has('issuedBy')) sop.issuedBy = r.stringList('issuedBy');
  r.rejectUnknown();
  return sop;
}

/** Checks the shape of an already-parsed value as a `ServiceStandard`; collects issues. */
export function readStandard(value: unknown, issues: CatalogIssue[]): ServiceStandard {
  const r = FieldReader.of(value, '', issues);
  if (!r) throw new CatalogFileError(issues);
  const standard: ServiceStandard = {
    code: r.string('code'),
    office: r.string('office'),
    name: r.string('name'),
    kind: r.oneOf('kind', ['standar-pelayanan', 'sop'] as const),
    decree: r.nullableString('decree'),
    requirements: r.list('requirements', (x, p) => readRequirement(x, p, issues)),
    steps: r.list('steps', (x, p) => readStep(x, p, issues)),
    serviceTime: { text: '' },
    clockStartsWhen: r.oneOf('clockStartsWhen', ['received', 'complete'] as const, 'received'),
    cost: { text: '', free: false },
    products: r.stringList('products', true),
    complaintChannels: r.list('complaintChannels', (x, p) => readComplaint(x, p, issues), true),
    internal: readInternal(r.object('internal', true)),
  };
  if (r.has('submissionNote')) standard.submissionNote = r.nullableString('submissionNote');
  const time = r.object('serviceTime');
  if (time) {
    standard.serviceTime = { text: time.string('text') };
    if (time.has('byChannel')) {
      standard.serviceTime.byChannel = time.list('byChannel', (x, p) => {
        const c = FieldReader.of(x, p, issues);
        if (!c) return { channel: 'walk-in' as Channel, text: '' };
        const entry = { channel: c.oneOf('channel', CHANNELS), text: c.string('text') };
        c.rejectUnknown();
        return entry;
      });
    }
    time.rejectUnknown();
  }
  const cost = r.object('cost');
  if (cost) {
    standard.cost = { text: cost.string('text'), free: cost.boolean('free') };
    cost.rejectUnknown();
  }
  if (r.has('complaintNote')) standard.complaintNote = r.nullableString('complaintNote');
  if (r.has('intakeChannels')) {
    standard.intakeChannels = r.list('intakeChannels', (x, p) => channelItem(x, p, issues));
  }
  if (r.has('sop')) {
    const sop = r.object('sop', true);
    standard.sop = sop ? readSop(sop) : null;
  }
  if (r.has('derived')) {
    standard.derived = r.list('derived', (x, p) => {
      if (typeof x === 'string' && (DERIVED_FIELDS as readonly string[]).includes(x))
        return x as DerivedField;
      issues.push({ path: p, message: `harus salah satu dari ${DERIVED_FIELDS.join(', ')}` });
      return 'serviceTime';
    });
  }
  if (r.has('readingNotes')) standard.readingNotes = r.stringList('readingNotes');
  if (r.has('source')) standard.source = r.nullableString('source');
  r.rejectUnknown();
  return standard;
}

/** Reads one catalog file. Throws `CatalogFileError` listing every problem with its field path. */
export function parseCatalogFile(yamlText: string): ServiceStandard {
  const value = loadYaml(yamlText, 'berkas katalog');
  const issues: CatalogIssue[] = [];
  const standard = readStandard(value, issues);
  if (issues.length > 0) throw new CatalogFileError(issues, 'berkas katalog');
  return standard;
}

function readPosition(x: unknown, path: string, issues: CatalogIssue[]): PositionDefinition {
  const r = FieldReader.of(x, path, issues);
  if (!r) return { code: '', name: '', reportsTo: null };
  const p: PositionDefinition = {
    code: r.string('code'),
    name: r.string('name'),
    reportsTo: r.nullableString('reportsTo'),
  };
  if (r.has('requesterSide')) p.requesterSide = r.boolean('requesterSide');
  if (r.has('aliases')) p.aliases = r.stringList('aliases');
  r.rejectUnknown();
  return p;
}

const CODE_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/');
  } catch {
    return false;
  }
}

/**
 * Reads one office file and checks it: codes, IANA zone, region, ticket prefix, a position table
 * with unique codes, a supervisor chain without loops, and the `helpdesk` and `opd-pemohon`
 * positions every office has.
 */
export function parseOfficeFile(yamlText: string): OfficeDefinition {
  const value = loadYaml(yamlText, 'berkas kantor');
  const issues: CatalogIssue[] = [];
  const r = FieldReader.of(value, '', issues);
  if (!r) throw new CatalogFileError(issues, 'berkas kantor');
  const office: OfficeDefinition = {
    code: r.string('code'),
    name: r.string('name'),
    timeZone: r.string('timeZone'),
    region: r.nullableString('region'),
    ticketPrefix: r.string('ticketPrefix'),
    positions: r.list('positions', (x, p) => readPosition(x, p, issues)),
  };
  for (const key of ['address', 'website', 'helpdeskEmail'] as const) {
    if (r.has(key)) office[key] = r.nullableString(key);
  }
  r.rejectUnknown();

  if (office.code && !CODE_RE.test(office.code)) {
    issues.push({
      path: 'code',
      message: `kode "${office.code}" hanya boleh huruf kecil, angka dan tanda -`,
    });
  }
  if (office.timeZone && !isTimeZone(office.timeZone)) {
    issues.push({
      path: 'timeZone',
      message: `zona waktu "${office.timeZone}" bukan zona IANA (mis. Asia/Jakarta)`,
    });
  }
  if (office.region !== null && !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(office.region)) {
    issues.push({
      path: 'region',
      message: `kode wilayah "${office.region}" bukan ISO 3166-2 (mis. ID-BA)`,
    });
  }
  if (office.ticketPrefix && !/^[A-Z][A-Z0-9]{1,11}$/.test(office.ticketPrefix)) {
    issues.push({
      path: 'ticketPrefix',
      message: `awalan tiket "${office.ticketPrefix}" harus 2-12 huruf besar/angka, diawali huruf`,
    });
  }
  issues.push(...checkPositions(office.positions));
  if (issues.length > 0) throw new CatalogFileError(issues, 'berkas kantor');
  return office;
}

function checkPositions(positions: PositionDefinition[]): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const byCode = new Map<string, number>();
  positions.forEach((p, i) => {
    if (!p.code) return;
    if (!CODE_RE.test(p.code)) {
      issues.push({
        path: `positions[${i}].code`,
        message: `kode "${p.code}" hanya boleh huruf kecil, angka dan tanda -`,
      });
    }
    if (byCode.has(p.code)) {
      issues.push({
        path: `positions[${i}].code`,
        message: `kode "${p.code}" sudah dipakai di positions[${byCode.get(p.code)}]`,
      });
    } else byCode.set(p.code, i);
  });
  positions.forEach((p, i) => {
    if (p.reportsTo !== null && !byCode.has(p.reportsTo)) {
      issues.push({
        path: `positions[${i}].reportsTo`,
        message: `posisi atasan "${p.reportsTo}" tidak ada di tabel posisi`,
      });
    }
  });
  // The supervisor chain must end at the top, not loop.
  positions.forEach((p, i) => {
    const seen = new Set<string>([p.code]);
    let up = p.reportsTo;
    while (up !== null && byCode.has(up)) {
      if (seen.has(up)) {
        issues.push({
          path: `positions[${i}].reportsTo`,
          message: `rantai atasan berputar kembali ke "${up}"`,
        });
        return;
      }
      seen.add(up);
      up = positions[byCode.get(up)!].reportsTo;
    }
  });
  for (const required of ['helpdesk', 'opd-pemohon']) {
    if (!byCode.has(required))
      issues.push({ path: 'positions', message: `posisi wajib "${required}" tidak ada` });
  }
  const opd = byCode.get('opd-pemohon');
  if (opd !== undefined && positions[opd].requesterSide !== true) {
    issues.push({
      path: `positions[${opd}].requesterSide`,
      message: 'posisi opd-pemohon harus requesterSide: true',
    });
  }
  return issues;
}

function compact(step: Step): Record<string, unknown> {
  const out: Record<string, unknown> = {
    order: step.order,
    description: step.description,
    executors: step.executors,
  };
  if (step.time !== null) out['time'] = step.time;
  if (step.inputs.length > 0) out['inputs'] = step.inputs;
  if (step.output !== null) out['output'] = step.output;
  if (step.notes !== null) out['notes'] = step.notes;
  if (step.parallelWithPrevious !== undefined)
    out['parallelWithPrevious'] = step.parallelWithPrevious;
  if (step.owner !== undefined) out['owner'] = step.owner;
  if (step.participants !== undefined) out['participants'] = step.participants;
  if (step.followUp !== undefined) out['followUp'] = step.followUp;
  if (step.cost !== undefined && step.cost !== null) out['cost'] = step.cost;
  return out;
}

/**
 * Writes a standard as a catalog file (for export). Steps leave out their empty fields;
 * `parseCatalogFile(serializeCatalogFile(s))` equals `s` for any valid standard.
 */
export function serializeCatalogFile(standard: ServiceStandard): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(standard)) {
    if (value === undefined) continue;
    out[key] = key === 'steps' ? (value as Step[]).map(compact) : value;
  }
  return stringify(out, { lineWidth: 0 });
}

/** Writes an office definition as an office file. */
export function serializeOfficeFile(office: OfficeDefinition): string {
  return stringify(office, { lineWidth: 0 });
}
