/** The body opening a Bali "pengembangan aplikasi" ticket that came in by e-mail. */
export function baliEmailTicket(
  subject: string,
  description: string,
  requester: { name: string; email: string },
) {
  return {
    office: 'bali',
    service: 'pengembangan-aplikasi',
    channel: 'email',
    subject,
    description,
    requester,
  };
}
