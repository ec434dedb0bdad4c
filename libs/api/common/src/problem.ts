import { HttpException, HttpStatus } from '@nestjs/common';
import type { Problem } from '@sigap/contracts';
import { DomainError } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Indonesian titles per status; the `detail` says what exactly went wrong. */
const TITLES: Record<number, string> = {
  400: 'Permintaan tidak valid',
  401: 'Belum masuk atau sesi tidak berlaku',
  403: 'Tidak diizinkan',
  404: 'Tidak ditemukan',
  405: 'Metode tidak diizinkan',
  409: 'Konflik dengan data yang ada',
  413: 'Isi permintaan terlalu besar',
  415: 'Jenis isi tidak didukung',
  422: 'Dokumen tidak dapat dibaca',
  428: 'Versi yang diubah wajib disertakan',
  429: 'Terlalu banyak percobaan',
  500: 'Kesalahan pada server',
  503: 'Layanan belum siap',
};

/** The title every problem of this status carries. */
export function problemTitle(status: number): string {
  return TITLES[status] ?? 'Kesalahan';
}

const NEST_CODES: Record<number, string> = {
  400: 'request.invalid',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'route.not_found',
  405: 'route.method_not_allowed',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
};

export interface ProblemResponse {
  problem: Problem;
  headers: Record<string, string>;
}

function make(status: number, code: string, detail: string): Problem {
  return {
    type: `urn:sigap:problem:${code}`,
    title: TITLES[status] ?? 'Kesalahan',
    status,
    code,
    detail,
  };
}

interface BodyParserError {
  type: string;
  status?: number;
  statusCode?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError & Error {
  return (
    error instanceof Error &&
    typeof (error as unknown as BodyParserError).type === 'string' &&
    typeof (
      (error as unknown as BodyParserError).status ??
      (error as unknown as BodyParserError).statusCode
    ) === 'number'
  );
}

/**
 * Maps any thrown value to a problem document. Never exposes a stack trace; anything that is
 * not a known error type is a 500 with a generic message (the caller logs the original).
 */
export function toProblem(error: unknown): ProblemResponse & { unexpected: boolean } {
  if (error instanceof DomainError) {
    const problem = make(error.status, error.code, error.message);
    if (error.errors?.length) problem.errors = error.errors;
    return { problem, headers: error.headers ?? {}, unexpected: false };
  }
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.parse.failed':
        return {
          problem: make(400, 'request.malformed_json', 'Isi permintaan bukan JSON yang valid.'),
          headers: {},
          unexpected: false,
        };
      case 'entity.too.large':
        return {
          problem: make(413, 'request.too_large', 'Isi permintaan melebihi batas ukuran.'),
          headers: {},
          unexpected: false,
        };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return {
          problem: make(415, 'request.unsupported_charset', 'Set karakter tidak didukung.'),
          headers: {},
          unexpected: false,
        };
      default: {
        const status = error.status ?? error.statusCode ?? 400;
        if (status < 500) {
          return {
            problem: make(status, 'request.invalid', 'Isi permintaan tidak dapat dibaca.'),
            headers: {},
            unexpected: false,
          };
        }
      }
    }
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const detail =
      status === HttpStatus.NOT_FOUND
        ? 'Alamat yang diminta tidak ada.'
        : status < 500
          ? error.message
          : 'Terjadi kesalahan pada server.';
    return {
      problem: make(status, NEST_CODES[status] ?? `http.${status}`, detail),
      headers: {},
      unexpected: status >= 500,
    };
  }
  return {
    problem: make(500, 'server.error', 'Terjadi kesalahan pada server. Coba lagi nanti.'),
    headers: {},
    unexpected: true,
  };
}
