import { S } from '../layout';
import type { TemplateSource } from './source';

export const passwordReset: TemplateSource = {
  name: 'password-reset',
  kind: 'account',
  description: {
    id: 'Tautan untuk mengatur ulang kata sandi.',
    en: 'A link to reset the password.',
  },
  id: {
    subject: 'Atur ulang kata sandi Sigap',
    html: `<h1 style="${S.h1}">Atur ulang kata sandi</h1>
<p style="${S.p}">Yth. {{name}},</p>
<p style="${S.p}">Kami menerima permintaan untuk mengatur ulang kata sandi akun Sigap Anda. {{link resetUrl "Atur ulang kata sandi"}}</p>
<p style="${S.p}">Tautan ini berlaku selama {{duration expiresInMinutes}} dan hanya dapat dipakai sekali.</p>`,
    text: `Yth. {{name}},

Kami menerima permintaan untuk mengatur ulang kata sandi akun Sigap Anda. Buka tautan berikut:
{{resetUrl}}

Tautan ini berlaku selama {{duration expiresInMinutes}} dan hanya dapat dipakai sekali.`,
  },
  en: {
    subject: 'Reset your Sigap password',
    html: `<h1 style="${S.h1}">Reset your password</h1>
<p style="${S.p}">Dear {{name}},</p>
<p style="${S.p}">We received a request to reset the password of your Sigap account. {{link resetUrl "Reset the password"}}</p>
<p style="${S.p}">The link is valid for {{duration expiresInMinutes}} and works only once.</p>`,
    text: `Dear {{name}},

We received a request to reset the password of your Sigap account. Open this link:
{{resetUrl}}

The link is valid for {{duration expiresInMinutes}} and works only once.`,
  },
};
