import { describeStorage, parseStorageSettings } from './storage-settings';
import { ConfigError, loadConfig } from './app-config';

describe('storage settings (SIGAP_STORAGE_URL)', () => {
  it('keeps attachments in the data folder by default', () => {
    expect(parseStorageSettings({})).toEqual({ driver: 'local' });
    expect(parseStorageSettings({ SIGAP_STORAGE_URL: 'local' })).toEqual({ driver: 'local' });
  });

  it('reads a bucket, a prefix and the S3 settings', () => {
    const settings = parseStorageSettings({
      SIGAP_STORAGE_URL: 's3://sigap-lampiran/produksi/bali/',
      SIGAP_S3_ENDPOINT: 'http://127.0.0.1:9000/',
      SIGAP_S3_REGION: 'ap-southeast-3',
      SIGAP_S3_ACCESS_KEY_ID: 'kunci',
      SIGAP_S3_SECRET_ACCESS_KEY: 'rahasia',
    });
    expect(settings).toEqual({
      driver: 's3',
      bucket: 'sigap-lampiran',
      prefix: 'produksi/bali',
      endpoint: 'http://127.0.0.1:9000',
      region: 'ap-southeast-3',
      accessKeyId: 'kunci',
      secretAccessKey: 'rahasia',
      forcePathStyle: true,
    });
    expect(describeStorage(settings, '/data')).toBe(
      's3://sigap-lampiran/produksi/bali (http://127.0.0.1:9000)',
    );
    expect(describeStorage(settings, '/data')).not.toContain('rahasia');
  });

  it('uses AWS host names and the default region without an endpoint', () => {
    const settings = parseStorageSettings({ SIGAP_STORAGE_URL: 's3://sigap' });
    expect(settings).toEqual(
      jasmine.objectContaining({ prefix: '', endpoint: null, region: 'us-east-1' }),
    );
    expect(settings).toEqual(jasmine.objectContaining({ forcePathStyle: false }));
  });

  it('refuses malformed values with the setting named, never echoing the secret', () => {
    const bad: Record<string, string>[] = [
      { SIGAP_STORAGE_URL: 'ftp://bucket' },
      { SIGAP_STORAGE_URL: 's3://Huruf_Besar' },
      { SIGAP_STORAGE_URL: 's3://sigap/../lain' },
      { SIGAP_STORAGE_URL: 's3://sigap', SIGAP_S3_ENDPOINT: 'bukan url' },
      { SIGAP_STORAGE_URL: 's3://sigap', SIGAP_S3_ENDPOINT: 'http://a:b@host' },
      { SIGAP_STORAGE_URL: 's3://sigap', SIGAP_S3_SECRET_ACCESS_KEY: 'rahasia-sekali' },
      { SIGAP_STORAGE_URL: 's3://sigap', SIGAP_S3_FORCE_PATH_STYLE: 'mungkin' },
    ];
    for (const env of bad) {
      expect(() => loadConfig(env))
        .withContext(JSON.stringify(env))
        .toThrowError(ConfigError);
      try {
        loadConfig(env);
      } catch (error) {
        expect((error as Error).message).toMatch(/SIGAP_(STORAGE_URL|S3_)/);
        expect((error as Error).message).not.toContain('rahasia-sekali');
      }
    }
  });
});
