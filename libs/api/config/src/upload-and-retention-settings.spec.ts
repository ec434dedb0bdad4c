import { loadConfig } from './app-config';

describe('upload quota and inbound retention settings', () => {
  it('have sensible defaults', () => {
    const config = loadConfig({});
    expect(config.portalUploadsPerDay).toBe(50);
    expect(config.portalUploadBytesPerDay).toBe(250 * 1024 * 1024);
    expect(config.inboundRetentionDays).toBe(365);
  });

  it('are read and validated, naming the variable that is wrong', () => {
    const config = loadConfig({
      SIGAP_PORTAL_UPLOADS_PER_DAY: '10',
      SIGAP_PORTAL_UPLOAD_MB_PER_DAY: '40',
      SIGAP_INBOUND_RETENTION_DAYS: '0',
    });
    expect([
      config.portalUploadsPerDay,
      config.portalUploadBytesPerDay,
      config.inboundRetentionDays,
    ]).toEqual([10, 40 * 1024 * 1024, 0]);
    expect(() => loadConfig({ SIGAP_PORTAL_UPLOADS_PER_DAY: '0' })).toThrowError(
      /SIGAP_PORTAL_UPLOADS_PER_DAY tidak valid/,
    );
    expect(() => loadConfig({ SIGAP_PORTAL_UPLOAD_MB_PER_DAY: '0' })).toThrowError(
      /SIGAP_PORTAL_UPLOAD_MB_PER_DAY tidak valid/,
    );
    expect(() => loadConfig({ SIGAP_INBOUND_RETENTION_DAYS: '-1' })).toThrowError(
      /SIGAP_INBOUND_RETENTION_DAYS tidak valid/,
    );
    expect(() => loadConfig({ SIGAP_INBOUND_RETENTION_DAYS: 'setahun' })).toThrowError(
      'SIGAP_INBOUND_RETENTION_DAYS harus bilangan bulat, bukan "setahun"',
    );
  });
});
