/** `jo***@example.org`: enough for the owner to recognise, not a full address for whoever reads the old mailbox. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}
