import type { reportsId } from './reports.id';

/** English texts of the service performance evaluation report download (`/laporan`). */
export const reportsEn: { readonly [K in keyof typeof reportsId]: string } = {
  'nav.reports': 'Reports',
  'reports.title': 'Service Performance Evaluation Report',
  'reports.intro':
    "Download the office's monthly or yearly report as a PDF: SLA compliance, working time, breaches with their reasons, IKM and complaints per service, with a signature block for the head of office.",
  'reports.office': 'Office',
  'reports.period': 'Period',
  'reports.period.month': 'Monthly',
  'reports.period.year': 'Yearly',
  'reports.month': 'Month',
  'reports.year': 'Year',
  'reports.lang': 'Report language',
  'reports.lang.id': 'Bahasa Indonesia',
  'reports.lang.en': 'English',
  'reports.download': 'Download report',
  'reports.downloading': 'Preparing the report…',
  'reports.invalidMonth': 'Choose a month (YYYY-MM).',
  'reports.invalidYear': 'Enter a four-digit year.',
  'reports.downloaded': 'Report {file} downloaded.',
  'reports.signer.title': 'Report signer',
  'reports.signer.intro':
    'Name and NIP of the head of office printed in the signature block of the service performance evaluation report. When empty, the report leaves a line to fill in by hand.',
  'reports.signer.name': 'Head of office (with titles)',
  'reports.signer.nip': 'NIP',
  'reports.signer.nipHint': '18 digits; spaces are allowed and removed.',
  'reports.signer.err.nip': 'The NIP has 18 digits.',
  'reports.signer.err.name': 'At most 120 characters, without < or >.',
  'reports.signer.save': 'Save',
  'reports.signer.saved': 'Signer saved.',
  'reports.evidence.title': 'SPBE evaluation evidence pack',
  'reports.evidence.intro':
    "Evidence for the SPBE indicator Penerapan Manajemen Layanan SPBE for the chosen office and months: the service catalog and its standards, the channels handled, counts and SLA compliance per ticket kind, incidents, changes, IKM, complaint handling, and the periodic reviews and improvement actions. Every figure equals the dashboard's for the same office and months. The PDF is for printing; the XLSX holds its tables.",
  'reports.evidence.from': 'From month',
  'reports.evidence.to': 'To month',
  'reports.evidence.print': 'Print the evidence pack (PDF)',
  'reports.evidence.tables': 'Download the tables (XLSX)',
  'reports.evidence.invalid':
    'Choose the first and last month (YYYY-MM); the first may not be after the last.',
};
