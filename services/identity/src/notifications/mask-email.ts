/** `ada.lovelace@example.org` -> `a***@example.org`: enough for the owner to recognise, not to learn. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
