/** The emails we send, each with a plain-text and an HTML part. Pure: links are made by the caller. */
import { escapeHtml } from '../html/html';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Paragraphs around one link, in both parts; the HTML is plain enough for any mail client. */
function compose(siteName: string, subject: string, before: string[], link: { label: string; url: string }, after: string[]): EmailContent {
  const text = [...before, `${link.label}:\n${link.url}`, ...after, `${siteName}`].join('\n\n');
  const paragraphs = (lines: string[]) => lines.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const html = `<!doctype html>
<html lang="en-GB">
<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #212b32; max-width: 36em;">
${paragraphs(before)}
<p><a href="${escapeHtml(link.url)}" style="color: #005eb8; font-weight: bold;">${escapeHtml(link.label)}</a></p>
<p style="font-size: 14px;">Or copy this address into your browser: ${escapeHtml(link.url)}</p>
${paragraphs(after)}
<p>${escapeHtml(siteName)}</p>
</body>
</html>`;
  return { subject, text, html };
}

export function accountVerificationEmail(siteName: string, name: string, url: string, validFor: string): EmailContent {
  return compose(
    siteName,
    `Confirm your email address for ${siteName}`,
    [`Dear ${name},`, `Please confirm that this is your email address. You need to confirm it before you can get a certificate.`],
    { label: 'Confirm your email address', url },
    [`The link works once, for ${validFor}. If you did not sign up for ${siteName}, ignore this email.`],
  );
}

export function nhsVerificationEmail(siteName: string, name: string, url: string, validFor: string): EmailContent {
  return compose(
    siteName,
    `Confirm your NHS email address for ${siteName}`,
    [`Dear ${name},`, `Confirm this NHS email address to get full access to every course, free as a member of NHS staff.`],
    { label: 'Confirm your NHS email address', url },
    [`The link works once, for ${validFor}. If you did not ask for this, ignore this email: nothing changes.`],
  );
}

export function passwordResetEmail(siteName: string, name: string, url: string, validFor: string): EmailContent {
  return compose(
    siteName,
    `Reset your ${siteName} password`,
    [`Dear ${name},`, `Someone asked to reset the password of your ${siteName} account. If it was you, choose a new password:`],
    { label: 'Choose a new password', url },
    [
      `The link works once, for ${validFor}. Choosing a new password signs you out on every device.`,
      `If you did not ask for this, ignore this email: your password stays as it is.`,
    ],
  );
}
