import { S } from '../layout';
import type { TemplateSource } from './source';

export const portalSignIn: TemplateSource = {
  name: 'portal-sign-in',
  kind: 'account',
  description: {
    id: 'Tautan masuk portal pemohon untuk staf OPD (sekali pakai, berlaku singkat).',
    en: 'Sign-in link to the requester portal for OPD staff (single use, short-lived).',
  },
  id: {
    subject: 'Tautan masuk portal layanan {{officeName}}',
    html: `<h1 style="${S.h1}">Masuk ke portal layanan</h1>
<p style="${S.p}">Yth. {{name}},</p>
<p style="${S.p}">Seseorang (semoga Anda) meminta tautan masuk ke portal layanan {{officeName}}. {{link signInUrl "Masuk ke portal"}}</p>
<p style="${S.p}">Tautan ini berlaku selama {{duration expiresInMinutes}} dan hanya dapat dipakai sekali. Abaikan e-mail ini bila Anda tidak memintanya.</p>`,
    text: `Yth. {{name}},

Seseorang (semoga Anda) meminta tautan masuk ke portal layanan {{officeName}}. Buka tautan berikut:
{{signInUrl}}

Tautan ini berlaku selama {{duration expiresInMinutes}} dan hanya dapat dipakai sekali. Abaikan e-mail ini bila Anda tidak memintanya.`,
  },
  en: {
    subject: 'Sign-in link for the {{officeName}} service portal',
    html: `<h1 style="${S.h1}">Sign in to the service portal</h1>
<p style="${S.p}">Dear {{name}},</p>
<p style="${S.p}">Someone (hopefully you) asked for a link to sign in to the {{officeName}} service portal. {{link signInUrl "Sign in to the portal"}}</p>
<p style="${S.p}">The link is valid for {{duration expiresInMinutes}} and works only once. Ignore this e-mail if you did not ask for it.</p>`,
    text: `Dear {{name}},

Someone (hopefully you) asked for a link to sign in to the {{officeName}} service portal. Open this link:
{{signInUrl}}

The link is valid for {{duration expiresInMinutes}} and works only once. Ignore this e-mail if you did not ask for it.`,
  },
};
