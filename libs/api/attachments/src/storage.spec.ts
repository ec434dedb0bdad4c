import { dataPathOf, storedFileAt, STORED_AREAS } from './storage';

const SHA = 'ab'.repeat(32);

describe('stored file paths', () => {
  it('places each area where the data folder has always kept it, and reads it back', () => {
    expect(dataPathOf('attachments', SHA)).toBe(`attachments/ab/ab/${SHA}`);
    expect(dataPathOf('mail-raw', SHA)).toBe(`mail/inbound/${SHA}.eml`);
    expect(dataPathOf('mail-attachments', SHA)).toBe(`mail/attachments/${SHA}`);
    for (const area of STORED_AREAS) {
      expect(storedFileAt(dataPathOf(area, SHA))).toEqual({ area, sha256: SHA });
    }
  });

  it('takes nothing else for a stored file', () => {
    for (const path of [
      `attachments/cd/ef/${SHA}`, // not where its checksum puts it
      `attachments/ab/ab/${SHA}.tmp`,
      `mail/inbound/${SHA}`, // raw mail without its extension
      `mail/inbound/${SHA}.eml.1234.tmp`,
      `mail/inbound/../inbound/${SHA}.eml`,
      `mail/attachments/${SHA.toUpperCase()}`,
      `mail/kept/${SHA}.eml`,
      `jwt-secret`,
      `${SHA}`,
    ]) {
      expect(storedFileAt(path)).withContext(path).toBeNull();
    }
  });
});
