const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The page a browser sees when single sign-on is refused: why, and a way back. */
export function ssoErrorPage(message: string, loginUrl: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masuk tunggal ditolak · Sigap</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0;display:grid;place-items:center;min-height:100vh;padding:16px;box-sizing:border-box}
main{background:#fff;border:1px solid #d0d7de;border-radius:12px;padding:24px;max-width:460px;width:100%;box-sizing:border-box}
h1{font-size:1.3rem;margin:0 0 12px}
a{display:inline-block;margin-top:16px;padding:8px 16px;border-radius:20px;background:#1f5fa8;color:#fff;text-decoration:none}
</style>
</head>
<body>
<main>
<h1>Tidak dapat masuk dengan SSO</h1>
<p data-test="sso-error">${escapeHtml(message)}</p>
<a href="${escapeHtml(loginUrl)}">Kembali ke halaman masuk</a>
</main>
</body>
</html>
`;
}
