/**
 * The public page of service standards (no sign-in): offices, their active services with the six
 * service-delivery components (Permenpan RB 15/2014), and the office's performance over the last
 * 12 months. No personal data, no internal ids: offices and services are named by their codes.
 */
import type { ComplaintChannel, Channel, Requirement } from '@sigap/standards';

export interface PublicOffice {
  code: string;
  name: string;
  timeZone: string;
  /** WIB, WITA or WIT. */
  zone: string;
  address: string | null;
  website: string | null;
  serviceCount: number;
}

/** Compliance and IKM over the last 12 months (ending today). */
export interface PublicPerformance {
  from: string;
  to: string;
  /** Service requests finished in the period with a frozen SLA clock. */
  finished: number;
  /** Of those, finished within their time limit. */
  withinTime: number;
  /** withinTime / finished x 100, one decimal; null without finished requests. */
  compliancePercent: number | null;
  /** Complaints received in the period, and how many were answered within 5 working days. */
  complaints: number;
  complaintsAnsweredInTime: number;
  /**
   * Converted IKM (25-100) truncated to two decimals, the same value as text ("88.30") and the
   * grade of that value; null while there are no survey data.
   */
  ikm: { value: number; shown: string; grade: string; respondents: number } | null;
}

export interface PublicServiceSummary {
  code: string;
  name: string;
  kind: 'standar-pelayanan' | 'sop';
  serviceTime: string;
  cost: string;
  free: boolean;
}

export interface PublicOfficeDetail {
  office: PublicOffice;
  services: PublicServiceSummary[];
  performance: PublicPerformance;
  /** How complaints are answered: the office's published tiers, or the default alone. */
  complaintTiers: { name: string; description: string | null; workingDays: number }[];
}

export interface PublicStep {
  order: number;
  description: string;
  /** Position names (never people). */
  executors: string[];
  /** Name of the office position responsible for the step. */
  owner: string;
  /** Parties outside the office who take part (Kementerian PAN-RB). */
  participants: string[];
  time: string | null;
  output: string | null;
  parallelWithPrevious: boolean;
  /** After go-live (maintenance, evaluation): not part of the service time. */
  followUp: boolean;
}

export interface PublicServiceDetail {
  office: PublicOffice;
  code: string;
  name: string;
  kind: 'standar-pelayanan' | 'sop';
  decree: string | null;
  version: number;
  updatedAt: string;
  /** 1. Persyaratan. */
  requirements: Requirement[];
  submissionNote: string | null;
  /** 2. Sistem, mekanisme dan prosedur. */
  intakeChannels: Channel[];
  steps: PublicStep[];
  /** 3. Jangka waktu penyelesaian: the total, and per channel where the standard has it. */
  serviceTime: { text: string; byChannel: { channel: Channel; text: string }[] };
  /** 4. Biaya / tarif. */
  cost: { text: string; free: boolean };
  /** 5. Produk pelayanan. */
  products: string[];
  /** 6. Penanganan pengaduan, saran dan masukan. */
  complaintChannels: ComplaintChannel[];
  complaintNote: string | null;
  /**
   * Components the standard does not publish, computed from its steps: shown as
   * "dihitung dari langkah", never as published text.
   */
  derived: ('serviceTime' | 'cost' | 'products' | 'requirements')[];
  performance: PublicPerformance;
}
